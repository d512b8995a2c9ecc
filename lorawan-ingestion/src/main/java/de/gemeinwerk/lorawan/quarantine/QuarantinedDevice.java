package de.gemeinwerk.lorawan.quarantine;

import java.time.OffsetDateTime;

/**
 * The kept uplinks of one DevEUI, summed up for the admin.
 *
 * @param firstSeen the time of the oldest kept uplink
 * @param lastSeen  the time of the newest
 * @param reason    null for a device not registered in the tenant; else why its newest kept uplink became no
 *                  Observations (a decoder error, no location for its Thing)
 */
public record QuarantinedDevice(String devEui, String networkServer, String deviceName, long uplinks,
                                OffsetDateTime firstSeen, OffsetDateTime lastSeen, String reason) {
}

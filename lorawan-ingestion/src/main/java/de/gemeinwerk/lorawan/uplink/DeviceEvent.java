package de.gemeinwerk.lorawan.uplink;

/**
 * A recognised message of a network server that is not an uplink: the receiver answers {@code ignored} and logs
 * it. Kept small on purpose: enough to log which device it was about and the few facts worth a log line.
 *
 * @param type         the message type as the network server names it: ChirpStack's event ({@code join},
 *                     {@code status}, {@code ack}, {@code txack}, {@code log}, {@code location}), or The Things
 *                     Stack's webhook message type ({@code join-accept}, {@code downlink-ack}, …,
 *                     {@code location-solved}, {@code service-data}, {@code uplink-normalized})
 * @param devEui       16 lowercase hex digits; null only where The Things Stack sends no DevEUI (its
 *                     {@code downlink_failed} example names the device by id alone)
 * @param deviceName   ChirpStack {@code deviceName}, TTS {@code device_id}; may be null
 * @param location     the position of a {@code location} / {@code location-solved} message, else null
 * @param batteryLevel ChirpStack {@code status}: battery in percent, if sent
 * @param margin       ChirpStack {@code status}: link margin in dB, if sent
 */
public record DeviceEvent(NetworkServer networkServer, String type, String devEui, String deviceName,
                          UplinkLocation location, Double batteryLevel, Integer margin)
        implements NetworkServerMessage {
}

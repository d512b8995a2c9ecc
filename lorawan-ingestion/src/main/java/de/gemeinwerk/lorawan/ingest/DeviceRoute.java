package de.gemeinwerk.lorawan.ingest;

import java.util.List;

/**
 * What ingest needs to know about a registered device, cached per tenant and DevEUI.
 *
 * @param decoder     the device type's JavaScript decoder, or null when it has none
 * @param datastreams null until the first uplink has created the device's Datastreams
 */
record DeviceRoute(String deviceTypeKey, String decoder, List<MappedDatastream> datastreams) {

    boolean provisioned() {
        return datastreams != null;
    }
}

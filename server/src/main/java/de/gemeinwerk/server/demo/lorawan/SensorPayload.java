package de.gemeinwerk.server.demo.lorawan;

import java.util.Map;

/**
 * What one uplink of a simulated device carries: the bytes on the radio, written exactly in the device's documented
 * payload format (so that Gemeinwerk's own decoder for the device type reads them), and the object a network
 * server's decoder makes of them (sent along as ChirpStack {@code object} / TTS {@code decoded_payload}).
 */
public sealed interface SensorPayload permits Em500UdlPayload, Em500SwlPayload, Laq4Payload, Nps405ParkingStatus {

    /** The LoRaWAN application port the device sends this message on. */
    int fPort();

    /** The application payload (FRMPayload) as the device sends it. */
    byte[] bytes();

    /**
     * The decoded object with the field names and values of the device's codec in the TTN device repository (the
     * {@code codec-examples} of the test data), in that codec's order; values are Integer, Double, Boolean, String
     * or null.
     */
    Map<String, Object> decoded();
}

package de.gemeinwerk.server.demo.lorawan;

import java.time.Instant;

/**
 * One uplink of a simulated device, before it is written in a network server's format.
 *
 * @param devEui     16 hex digits, either case (each format writes it in its own case)
 * @param deviceName the network server's name of the device
 * @param fCnt       the uplink frame counter
 * @param time       when the gateway received it
 * @param payload    what the device sent
 * @param gateway    the gateway that heard it, with the signal it heard
 */
public record SimulatedUplink(String devEui, String deviceName, long fCnt, Instant time, SensorPayload payload,
                              Reception gateway) {

    /** A gateway's reception: its EUI (16 hex digits), RSSI in dBm, SNR in dB. */
    public record Reception(String gatewayEui, int rssi, double snr) {}
}

package de.gemeinwerk.lorawan.uplink;

/**
 * How one gateway heard an uplink. Any of the numbers may be missing: ChirpStack omits zero values inside
 * {@code rxInfo}, The Things Stack omits empty fields.
 *
 * @param gatewayId the gateway's id as the network server names it (ChirpStack {@code gatewayId}, TTS
 *                  {@code gateway_ids.gateway_id}), or its EUI when it has no id
 */
public record RadioReception(String gatewayId, Integer rssi, Double snr) {
}

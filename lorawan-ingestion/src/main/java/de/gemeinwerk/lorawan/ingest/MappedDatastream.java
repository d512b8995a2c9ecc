package de.gemeinwerk.lorawan.ingest;

/**
 * One Datastream of a provisioned device and the decoded field that feeds it (stored on the device as
 * {@code lorawan_device.datastreams}).
 *
 * @param field JSON pointer into the decoded object
 * @param scale multiplies numeric values; null: as decoded
 */
public record MappedDatastream(String field, Double scale, long datastream) {
}

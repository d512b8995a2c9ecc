package de.gemeinwerk.lorawan.imports;

/**
 * A row of a device CSV, checked.
 *
 * @param line       where the row starts in the file, for per-row errors of the import job
 * @param devEui     normalised (16 lowercase hex digits)
 * @param deviceType the id of the device type the row names
 * @param position   null when the row gives none
 */
public record ImportedDevice(int line, String devEui, String name, String description, long deviceType,
                             Position position) {
}

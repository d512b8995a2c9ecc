package de.gemeinwerk.lorawan.registry;

import java.util.List;

/** A device type as an admin creates or replaces it ({@code POST /device-types}, {@code PUT /device-types/{id}}). */
public record DeviceTypeInput(String key, String name, String description, Boolean shared, String decoder,
                              List<DatastreamEntry> datastreams) {
}

package de.gemeinwerk.lorawan.registry;

import tools.jackson.databind.JsonNode;

/**
 * A device as an admin registers or changes it ({@code POST /devices}, {@code PUT /devices/{devEui}}, adopting from the
 * quarantine, where the DevEUI comes from the path).
 *
 * @param location GeoJSON geometry, or null
 * @param thing    an existing Thing of the tenant to add the Datastreams to, or null to create one
 */
public record DeviceRegistration(String devEui, String name, String description, Long deviceType, JsonNode location,
                                 Long thing) {
}

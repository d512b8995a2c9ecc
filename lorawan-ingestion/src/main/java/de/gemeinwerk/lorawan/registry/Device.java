package de.gemeinwerk.lorawan.registry;

import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A registered end device of a tenant.
 *
 * @param devEui     16 lowercase hex digits
 * @param deviceType the device type's id
 * @param location   GeoJSON geometry, or null
 * @param thing      the SensorThings Thing its Observations belong to; null until the first uplink creates it
 */
public record Device(String devEui, String name, String description, long deviceType, JsonNode location, Long thing,
                     OffsetDateTime createdAt) {
}

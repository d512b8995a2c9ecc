package de.gemeinwerk.lorawan.registry;

import tools.jackson.databind.JsonNode;

/**
 * Which decoded field of a device type becomes which Datastream (one per device), and how.
 *
 * @param field             JSON pointer into the decoded object, e.g. {@code /distance}
 * @param name              the Datastream's name is {@code "<name> – <device name>"}
 * @param unitOfMeasurement the SensorThings unitOfMeasurement object, as given
 * @param scale             multiplies numeric values; null: as decoded
 */
public record DatastreamEntry(String field, String name, String description,
                              ObservedPropertyDefinition observedProperty, JsonNode unitOfMeasurement,
                              String observationType, Double scale) {

    /** The ObservedProperty of the Datastreams; reused within a tenant by {@code definition}. */
    public record ObservedPropertyDefinition(String name, String definition, String description) {
    }
}

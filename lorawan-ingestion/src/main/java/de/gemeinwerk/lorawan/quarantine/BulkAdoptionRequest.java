package de.gemeinwerk.lorawan.quarantine;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Adopting many quarantined devices at once ({@code POST /quarantine/adoptions}): either the listed DevEUIs or, with
 * {@code all}, every kept device not registered in the tenant; all of one device type.
 *
 * @param namePattern a {@link NamePattern}; null for {@link NamePattern#DEFAULT}
 * @param location    GeoJSON geometry for every device, or null: each Thing is placed where its uplinks say (as when
 *                    adopting one device without a location)
 */
public record BulkAdoptionRequest(List<String> devEuis, Boolean all, Long deviceType, String namePattern,
                                  String description, JsonNode location) {
}

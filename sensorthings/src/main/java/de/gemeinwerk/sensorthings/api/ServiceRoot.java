package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.model.EntityType;
import tools.jackson.core.JsonGenerator;

import java.util.List;

/** The service root document: the entity sets and the conformance classes this server implements. */
final class ServiceRoot {

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/multi-datastream",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/batch-request/batch-request",
            // JSON batches as FROST-Server has them; clients look for this URL to know they may send one
            "https://fraunhoferiosb.github.io/FROST-Server/extensions/JsonBatchRequest.html",
            // the result formats $resultFormat=CSV and GeoJSON, named as FROST-Server names them
            "https://github.com/INSIDE-information-systems/SensorThingsAPI/blob/master/CSV-ResultFormat/CSV-ResultFormat.md",
            "https://github.com/INSIDE-information-systems/SensorThingsAPI/blob/master/GeoJSON-ResultFormat/GeoJSON-ResultFormat.md");

    private ServiceRoot() {}

    static void write(JsonGenerator g, String serviceRoot, List<ServerSettingsContribution> contributions) {
        g.writeStartObject();
        g.writeName("value");
        g.writeStartArray();
        for (EntityType type : EntityType.values()) {
            g.writeStartObject();
            g.writeStringProperty("name", type.setName());
            g.writeStringProperty("url", serviceRoot + "/" + type.setName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("serverSettings");
        g.writeStartObject();
        g.writeName("conformance");
        g.writeStartArray();
        for (String uri : CONFORMANCE) {
            g.writeString(uri);
        }
        for (ServerSettingsContribution contribution : contributions) {
            for (String uri : contribution.conformance()) {
                g.writeString(uri);
            }
        }
        g.writeEndArray();
        for (ServerSettingsContribution contribution : contributions) {
            contribution.writeSettings(g, serviceRoot);
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}

package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh tenant for batch tests: sends batches to its {@code $batch} and creates what the batches work on. */
record BatchTenant(StaClient client) {

    static BatchTenant create(int port, Tenants tenants, ApiKeys keys) {
        return new BatchTenant(StaClient.newTenant(port, tenants, keys, "batch"));
    }

    String batchPath() {
        return client.root() + "/$batch";
    }

    HttpResponse<String> json(String body) {
        return client.http().send("POST", batchPath(), body, "application/json", client.key());
    }

    /** A JSON batch expected to be answered with 200; returns its {@code responses}. */
    JsonNode jsonResponses(String body) {
        HttpResponse<String> response = json(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StaClient.json(response.body()).get("responses");
    }

    HttpResponse<String> multipart(String boundary, String body) {
        return client.http().send("POST", batchPath(), body, "multipart/mixed; boundary=" + boundary, client.key());
    }

    long thing(String name) {
        return client.create("Things", "{\"name\": \"" + name + "\", \"description\": \"d\"}");
    }

    long count(String path) {
        return client.get(path + (path.contains("?") ? "&" : "?") + "$count=true&$top=0").get("@iot.count").asLong();
    }

    long observedProperty() {
        return client.create("ObservedProperties", """
                {"name": "Temperatur", "definition": "http://example.org/t", "description": "Lufttemperatur"}""");
    }
}

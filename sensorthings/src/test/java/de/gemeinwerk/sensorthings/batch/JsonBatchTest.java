package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.access.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON batches (OData 4.01) over HTTP: the documented example, atomicity groups, references, dependsOn, keys. */
class JsonBatchTest extends BatchHttpTest {


    private String serviceRoot() {
        return "http://localhost:" + port + tenant.client().root();
    }

    @Test
    void theServiceRootDeclaresBatchRequests() {
        assertThat(tenant.client().get("").at("/serverSettings/conformance").toString()).contains(
                "\"http://www.opengis.net/spec/iot_sensing/1.1/req/batch-request/batch-request\"",
                "\"https://fraunhoferiosb.github.io/FROST-Server/extensions/JsonBatchRequest.html\"");
    }

    /** The batch request body example (FROST-Server's JSON batch page, after OData 4.01), with this test's ids. */
    @Test
    void theExampleQueriesCreatesAndUpdatesInOrder() {
        long thing = tenant.thing("Pegel");
        JsonNode responses = tenant.jsonResponses("""
                {
                  "requests": [
                    {
                      "id": "0",
                      "method": "get",
                      "url": "Things(%1$d)"
                    },
                    {
                      "id": "1",
                      "atomicityGroup": "group1",
                      "method": "post",
                      "url": "Things",
                      "body": {"name": "Neu", "description": "neues Ding"}
                    },
                    {
                      "id": "2",
                      "atomicityGroup": "group1",
                      "method": "patch",
                      "url": "Things(%1$d)",
                      "body": {"name": "Pegel Nord"}
                    },
                    {
                      "id": "3",
                      "method": "get",
                      "url": "Things(999999999)"
                    }
                  ]
                }""".formatted(thing));

        assertThat(responses).hasSize(4);
        assertThat(responses.get(0).get("id").asString()).isEqualTo("0");
        assertThat(responses.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(responses.get(0).get("body").get("name").asString()).isEqualTo("Pegel");
        JsonNode created = responses.get(1);
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("atomicityGroup").asString()).isEqualTo("group1");
        long newId = created.get("body").get("@iot.id").asLong();
        assertThat(created.get("headers").get("location").asString()).isEqualTo(serviceRoot() + "/Things(" + newId + ")");
        assertThat(created.get("body").get("@iot.selfLink").asString()).isEqualTo(serviceRoot() + "/Things(" + newId + ")");
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(responses.get(2).get("body").get("name").asString()).isEqualTo("Pegel Nord");
        JsonNode missing = responses.get(3);
        assertThat(missing.get("status").asInt()).isEqualTo(404);
        assertThat(missing.get("headers").get("content-type").asString()).startsWith("application/problem+json");
        assertThat(missing.get("body").get("detail").asString()).isEqualTo("Thing 999999999 does not exist");
        assertThat(tenant.client().get("Things(" + newId + ")").get("name").asString()).isEqualTo("Neu");
    }

    /** The referencing example: a Datastream created in the same group links the new Sensor as "$sensor1". */
    @Test
    void aBodyReferencesAnEntityCreatedEarlierInItsGroup() {
        long thing = tenant.thing("Wetterstation");
        long property = tenant.observedProperty();
        JsonNode responses = tenant.jsonResponses("""
                {
                  "requests": [
                    {
                      "id": "sensor1",
                      "atomicityGroup": "group1",
                      "method": "post",
                      "url": "Sensors",
                      "body": {
                        "name": "DS18B20",
                        "description": "DS18B20 is an air temperature sensor",
                        "encodingType": "application/pdf",
                        "metadata": "http://datasheets.maxim-ic.com/en/ds/DS18B20.pdf"
                      }
                    },
                    {
                      "id": "2",
                      "atomicityGroup": "group1",
                      "method": "post",
                      "url": "Things(%d)/Datastreams",
                      "body": {
                        "name": "Temperature Thing 5",
                        "description": "The temperature of thing 5",
                        "unitOfMeasurement": {"name": "degree Celsius", "symbol": "°C", "definition": "ucum:Cel"},
                        "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                        "ObservedProperty": {"@iot.id": %d},
                        "Sensor": {"@iot.id": "$sensor1"}
                      }
                    }
                  ]
                }""".formatted(thing, property));

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(responses.get(1).get("status").asInt()).as(responses.toString()).isEqualTo(201);
        long sensor = responses.get(0).get("body").get("@iot.id").asLong();
        long datastream = responses.get(1).get("body").get("@iot.id").asLong();
        assertThat(tenant.client().get("Datastreams(" + datastream + ")/Sensor").get("@iot.id").asLong())
                .isEqualTo(sensor);
    }

    @Test
    void aUrlStartsWithAReferenceToAnEarlierRequestItDependsOn() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "thing", "method": "post", "url": "Things", "body": {"name": "Ampel", "description": "d"}},
                  {"id": "location", "dependsOn": ["thing"], "method": "post", "url": "$thing/Locations",
                   "body": {"name": "Kreuzung", "description": "d", "encodingType": "application/geo+json",
                            "location": {"type": "Point", "coordinates": [9.5, 51.3]}}},
                  {"id": "read", "dependsOn": ["thing"], "method": "get", "url": "$thing?$expand=Locations"}
                ]}""");

        long thing = responses.get(0).get("body").get("@iot.id").asLong();
        assertThat(responses.get(1).get("status").asInt()).as(responses.toString()).isEqualTo(201);
        JsonNode read = responses.get(2).get("body");
        assertThat(read.get("@iot.id").asLong()).isEqualTo(thing);
        assertThat(read.get("Locations").get(0).get("name").asString()).isEqualTo("Kreuzung");
    }

    @Test
    void aFailingRequestRollsBackItsGroupAndNothingElse() {
        long before = tenant.count("Things");
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "a", "method": "post", "url": "Things", "body": {"name": "vorher", "description": "d"}},
                  {"id": "b", "atomicityGroup": "g", "method": "post", "url": "Things",
                   "body": {"name": "in der Gruppe", "description": "d"}},
                  {"id": "c", "atomicityGroup": "g", "method": "patch", "url": "Things(999999999)",
                   "body": {"name": "x"}},
                  {"id": "d", "atomicityGroup": "g", "method": "post", "url": "Things",
                   "body": {"name": "danach in der Gruppe", "description": "d"}},
                  {"id": "e", "method": "post", "url": "Things", "body": {"name": "nachher", "description": "d"}}
                ]}""");

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(424);
        assertThat(responses.get(1).get("body").get("detail").asString())
                .isEqualTo("rolled back: request 'c' of atomicity group 'g' failed, so no request of the group took effect");
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(404);
        assertThat(responses.get(3).get("status").asInt()).isEqualTo(424);
        assertThat(responses.get(3).get("body").get("detail").asString()).startsWith("not carried out:");
        assertThat(responses.get(4).get("status").asInt()).isEqualTo(201);
        assertThat(tenant.count("Things")).isEqualTo(before + 2);
        assertThat(tenant.count("Things?$filter=startswith(name, 'vorher') or startswith(name, 'nachher')")).isEqualTo(2);
    }

    @Test
    void aReadThatFindsNothingFailsItsGroupToo() {
        long before = tenant.count("Things");
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "atomicityGroup": "g", "method": "post", "url": "Things",
                   "body": {"name": "a", "description": "d"}},
                  {"id": "2", "atomicityGroup": "g", "method": "get", "url": "Things(999999999)"}
                ]}""");

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(424);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(404);
        assertThat(tenant.count("Things")).isEqualTo(before);
    }

    @Test
    void aRequestWhoseDependencyFailedIsNotCarriedOut() {
        long before = tenant.count("Things");
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "missing", "method": "get", "url": "Things(999999999)"},
                  {"id": "create", "dependsOn": ["missing"], "method": "post", "url": "Things",
                   "body": {"name": "nie", "description": "d"}},
                  {"id": "chained", "dependsOn": ["create"], "method": "get", "url": "Things"}
                ]}""");

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(404);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(424);
        assertThat(responses.get(1).get("body").get("where").asString()).isEqualTo("requests[1].dependsOn");
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(424);
        assertThat(tenant.count("Things")).isEqualTo(before);
    }

    @Test
    void aDependencyOnAGroupWaitsForTheWholeGroup() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "atomicityGroup": "g", "method": "post", "url": "Things",
                   "body": {"name": "a", "description": "d"}},
                  {"id": "2", "atomicityGroup": "g", "method": "post", "url": "Things", "body": {"name": "ohne"}},
                  {"id": "3", "dependsOn": ["g"], "method": "get", "url": "Things"}
                ]}""");

        assertThat(responses.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(responses.get(1).get("body").get("detail").asString()).contains("description");
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(424);
    }

    @Test
    void eachWriteNeedsAWriteKeyWhileReadsOfTheBatchRun() {
        long thing = tenant.thing("Bank");
        String readKey = keys.create(tenant.client().tenant().id(), "reader", Role.READ).key();
        String batch = """
                {"requests": [
                  {"id": "read", "method": "get", "url": "Things(%d)"},
                  {"id": "write", "method": "post", "url": "Things", "body": {"name": "x", "description": "d"}}
                ]}""".formatted(thing);

        JsonNode withReadKey = StaClientBatch.responses(tenant.client().http().send("POST", tenant.batchPath(), batch,
                "application/json", readKey));
        assertThat(withReadKey.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(withReadKey.get(1).get("status").asInt()).isEqualTo(403);
        assertThat(withReadKey.get(1).get("body").get("detail").asString())
                .isEqualTo("This needs an API key with the role 'write'.");

        JsonNode anonymous = StaClientBatch.responses(tenant.client().http().send("POST", tenant.batchPath(), batch,
                "application/json", null));
        assertThat(anonymous.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(anonymous.get(1).get("status").asInt()).isEqualTo(401);
        assertThat(anonymous.get(1).get("headers").get("www-authenticate").asString()).startsWith("Bearer");
    }

    @Test
    void minimalResponsesWhenASubRequestPrefersThem() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "method": "post", "url": "Things", "headers": {"Prefer": "return=minimal"},
                   "body": {"name": "knapp", "description": "d"}}
                ]}""");

        JsonNode body = responses.get(0).get("body");
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("@iot.id", "@iot.selfLink");
    }

    @Test
    void createObservationsRunsInsideAGroupLikeAlone() {
        JsonNode setup = tenant.jsonResponses("""
                {"requests": [
                  {"id": "thing", "method": "post", "url": "Things", "body": {"name": "Zähler", "description": "d",
                   "Locations": [{"name": "Eingang", "description": "d", "encodingType": "application/geo+json",
                                  "location": {"type": "Point", "coordinates": [9.5, 51.3]}}],
                   "Datastreams": [{"name": "Besucher", "description": "d",
                     "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation",
                     "unitOfMeasurement": {"name": "Anzahl", "symbol": "1", "definition": "ucum:1"},
                     "Sensor": {"name": "Lichtschranke", "description": "d", "encodingType": "text/html", "metadata": "x"},
                     "ObservedProperty": {"name": "Besucher", "definition": "http://example.org/v", "description": "d"}}]}},
                  {"id": "streams", "dependsOn": ["thing"], "method": "get", "url": "$thing/Datastreams"}
                ]}""");
        long datastream = setup.get(1).get("body").get("value").get(0).get("@iot.id").asLong();

        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "rows", "atomicityGroup": "g", "method": "post", "url": "CreateObservations",
                   "body": [{"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"],
                             "dataArray": [["2026-11-22T10:00:00Z", 3], ["kein Zeitpunkt", 4]]}]},
                  {"id": "check", "atomicityGroup": "g", "method": "get", "url": "Datastreams(%1$d)/Observations"}
                ]}""".formatted(datastream));

        JsonNode rows = responses.get(0).get("body");
        assertThat(responses.get(0).get("status").asInt()).as(responses.toString()).isEqualTo(201);
        assertThat(rows.get(0).asString()).matches(".*/Observations\\(\\d+\\)");
        assertThat(rows.get(1).asString()).isEqualTo("error");
        assertThat(responses.get(1).get("body").get("value")).hasSize(1);
    }

    @Test
    void aJsonPatchTravelsWithItsContentType() {
        long thing = tenant.thing("Alt");
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "method": "patch", "url": "Things(%d)",
                   "headers": {"content-type": "application/json-patch+json"},
                   "body": [{"op": "replace", "path": "/name", "value": "Neu"}]}
                ]}""".formatted(thing));

        assertThat(responses.get(0).get("status").asInt()).as(responses.toString()).isEqualTo(200);
        assertThat(tenant.client().get("Things(" + thing + ")").get("name").asString()).isEqualTo("Neu");
    }
}

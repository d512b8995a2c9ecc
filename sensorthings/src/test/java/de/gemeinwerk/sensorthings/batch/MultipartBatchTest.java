package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Multipart batches (OData 4.0, SensorThings 1.1 section 11.2) over HTTP, with the specification's examples. */
class MultipartBatchTest extends BatchHttpTest {

    /**
     * SensorThings 1.1, 11.2.1 "Batch request body example", as printed (CRLF line ends, the odd
     * "Content-Transfer-Encoding:binary", If-Match, placeholder Content-Lengths), with this tenant's paths and ids
     * and real JSON in place of the placeholders.
     */
    @Test
    void theSpecificationsExample() {
        long thing1 = tenant.thing("Pegel");
        String root = tenant.client().root();
        String body = """
                --batch_36522ad7-fc75-4b56-8c71-56071383e77b
                Content-Type: application/http
                Content-Transfer-Encoding:binary

                GET %1$s/Things(%2$d) HTTP/1.1
                Host: host

                --batch_36522ad7-fc75-4b56-8c71-56071383e77b
                Content-Type: multipart/mixed;boundary=changeset_77162fcd-b8da-41ac-a9f8-9357efbbd

                --changeset_77162fcd-b8da-41ac-a9f8-9357efbbd
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 1

                POST %1$s/Things HTTP/1.1
                Host: host
                Content-Type: application/json
                Content-Length: ###

                {"name": "Neues Ding", "description": "im Änderungssatz angelegt"}

                --changeset_77162fcd-b8da-41ac-a9f8-9357efbbd
                Content-Type: application/http
                Content-Transfer-Encoding:binary
                Content-ID: 2

                PATCH %1$s/Things(%2$d) HTTP/1.1
                Host: host
                Content-Type: application/json
                If-Match: xxxxx
                Content-Length: ###

                {"description": "geändert"}

                --changeset_77162fcd-b8da-41ac-a9f8-9357efbbd--

                --batch_36522ad7-fc75-4b56-8c71-56071383e77b
                Content-Type: application/http
                Content-Transfer-Encoding:binary

                GET %1$s/Things(999999999) HTTP/1.1
                Host: host

                --batch_36522ad7-fc75-4b56-8c71-56071383e77b--
                """.formatted(root, thing1).replace("\n", "\r\n");

        List<String> parts = StaClientBatch.parts(tenant.multipart("batch_36522ad7-fc75-4b56-8c71-56071383e77b", body));

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).startsWith("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n").contains("\"name\":\"Pegel\"");
        String changeSetType = parts.get(1).lines().findFirst().orElseThrow();
        assertThat(changeSetType).startsWith("Content-Type: multipart/mixed; boundary=changesetresponse_");
        List<String> changeSet = MultipartBatchReader.parts(parts.get(1),
                BatchContentType.boundary(changeSetType.substring("Content-Type: ".length()), "change set"), "change set");
        assertThat(changeSet).hasSize(2);
        assertThat(changeSet.get(0)).contains("Content-ID: 1\r\n\r\nHTTP/1.1 201 Created\r\n")
                .containsPattern("Location: http://localhost:" + port + root.replace(".", "\\.") + "/Things\\(\\d+\\)\r\n")
                .contains("\"name\":\"Neues Ding\"");
        assertThat(changeSet.get(1)).contains("Content-ID: 2\r\n\r\nHTTP/1.1 200 OK\r\n").contains("geändert");
        assertThat(parts.get(2)).contains("HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\n")
                .contains("\"detail\":\"Thing 999999999 does not exist\"");
        assertThat(tenant.client().get("Things(" + thing1 + ")").get("description").asString()).isEqualTo("geändert");
    }

    /**
     * SensorThings 1.1, 11.2.2 "Referencing new entities in a change set example": the Datastream is created
     * through "$1/Datastreams", the Sensor the first request created; as printed, the second request has no
     * Content-ID (with paths, ids and the Datastream's required members of this server).
     */
    @Test
    void theSpecificationsReferencingExample() {
        long thing = tenant.thing("Thing 5");
        long property = tenant.observedProperty();
        String body = """
                --batch_36522ad7-fc75-4b56-8c71-56071383e77b
                Content-Type: multipart/mixed;boundary=changeset_77162fcd-b8da-41ac-a9f8-9357efbbd

                --changeset_77162fcd-b8da-41ac-a9f8-9357efbbd
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 1

                POST %1$s/Sensors HTTP/1.1
                Host: host
                Content-Type: application/json
                Content-Length: ###

                {
                  "name": "DS18B20",
                  "description": "DS18B20 is an air temperature sensor",
                  "encodingType": "application/pdf",
                  "metadata": "http://datasheets.maxim-ic.com/en/ds/DS18B20.pdf"
                }

                --changeset_77162fcd-b8da-41ac-a9f8-9357efbbd
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                POST $1/Datastreams HTTP/1.1
                Host: host
                Content-Type: application/json
                Content-Length: ###

                {
                  "name": "Temperature Thing 5",
                  "description": "The temperature of thing 5",
                  "unitOfMeasurement": {"name": "degree Celsius", "symbol": "°C", "definition": "ucum:Cel"},
                  "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                  "Thing": {"@iot.id": %2$d},
                  "ObservedProperty": {"@iot.id": %3$d}
                }

                --changeset_77162fcd-b8da-41ac-a9f8-9357efbbd--
                --batch_36522ad7-fc75-4b56-8c71-56071383e77b--
                """.formatted(tenant.client().root(), thing, property).replace("\n", "\r\n");

        List<String> parts = StaClientBatch.parts(tenant.multipart("batch_36522ad7-fc75-4b56-8c71-56071383e77b", body));

        assertThat(parts).hasSize(1);
        assertThat(parts.getFirst()).contains("HTTP/1.1 201 Created").doesNotContain("HTTP/1.1 4");
        long sensor = tenant.client().get("Sensors?$filter=name eq 'DS18B20'").get("value").get(0).get("@iot.id").asLong();
        StaClient client = tenant.client();
        assertThat(client.get("Sensors(" + sensor + ")/Datastreams").get("value").get(0).get("name").asString())
                .isEqualTo("Temperature Thing 5");
    }

    @Test
    void aFailedChangeSetIsAnsweredWithTheOneFailureAndLeavesNoTrace() {
        long before = tenant.count("Things");
        String body = """
                --b
                Content-Type: multipart/mixed; boundary=cs

                --cs
                Content-Type: application/http
                Content-ID: 1

                POST Things HTTP/1.1
                Content-Type: application/json

                {"name": "wird zurückgerollt", "description": "d"}
                --cs
                Content-Type: application/http
                Content-ID: 2

                DELETE Things(999999999) HTTP/1.1

                --cs--
                --b
                Content-Type: application/http

                POST Things HTTP/1.1
                Content-Type: application/json

                {"name": "bleibt", "description": "d"}
                --b--
                """;

        List<String> parts = StaClientBatch.parts(tenant.multipart("b", body));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("Content-Type: application/http")
                .contains("Content-ID: 2\r\n\r\nHTTP/1.1 404 Not Found").contains("Thing 999999999 does not exist");
        assertThat(parts.get(1)).contains("HTTP/1.1 201 Created");
        assertThat(tenant.count("Things")).isEqualTo(before + 1);
    }

    @Test
    void urlsMayBeRelativeAbsolutePathsOrAbsoluteUrlsOfThisService() {
        long thing = tenant.thing("Brunnen");
        String root = tenant.client().root();
        String body = """
                --b
                Content-Type: application/http

                GET Things(%2$d)?$select=name HTTP/1.1

                --b
                Content-Type: application/http

                GET %1$s/Things(%2$d)?$select=name HTTP/1.1

                --b
                Content-Type: application/http

                GET http://localhost:%3$d%1$s/Things?$filter=name%%20eq%%20'Brunnen'&$select=name HTTP/1.1

                --b--
                """.formatted(root, thing, port);

        List<String> parts = StaClientBatch.parts(tenant.multipart("b", body));

        assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part).contains("HTTP/1.1 200 OK")
                .contains("{\"name\":\"Brunnen\"}"));
    }
}

package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $resultFormat} inside batches: a CSV and a dataArray GET are answered as the same GET alone — status,
 * headers and body — in a JSON batch (a CSV body as a string, dataArray as JSON) and a multipart batch (the bytes).
 */
class BatchResultFormatsTest extends BatchHttpTest {

    private static final String CSV_TYPE = "text/csv;header=present;charset=UTF-8";

    private long datastream;
    private String csv;
    private String dataArray;

    @BeforeEach
    void pegelWithThreeObservations() {
        long thing = tenant.client().create("Things", """
                {"name": "Pegel", "description": "Wasserstand",
                 "Locations": [{"name": "Brücke", "description": "d", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [8.5, 49.5]}}],
                 "Datastreams": [{"name": "Wasserstand", "description": "cm",
                   "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                   "Sensor": {"name": "Radar", "description": "d", "encodingType": "text/html", "metadata": "x"},
                   "ObservedProperty": {"name": "Wasserstand", "definition": "http://example.org/wl", "description": "d"},
                   "Observations": [{"phenomenonTime": "2026-11-22T10:00:00Z", "result": 101},
                                    {"phenomenonTime": "2026-11-22T10:15:00Z", "result": 102},
                                    {"phenomenonTime": "2026-11-22T10:30:00Z", "result": 103}]}]}""");
        datastream = tenant.client().get("Things(" + thing + ")/Datastreams").at("/value/0/@iot.id").asLong();
        // two pages of two, so the first page names the next one (the dataArray's query has nothing a client
        // encodes, so its body, next link included, is the same alone and in a batch)
        csv = "Datastreams(" + datastream + ")/Observations?$resultFormat=CSV&$select=phenomenonTime,result"
                + "&$orderby=phenomenonTime&$top=2";
        dataArray = "Datastreams(" + datastream + ")/Observations?$resultFormat=dataArray"
                + "&$select=result&$orderby=phenomenonTime&$top=2&$count=true";
    }

    /** The CSV's next page, as alone (where a client that encodes the query sees its own encoding in it). */
    private String nextLink() {
        return "<http://localhost:" + port + tenant.client().root() + "/" + csv + "&$skip=2>; rel=\"next\"";
    }

    @Test
    void aJsonBatchCarriesCsvAsAStringAndDataArrayAsJson() {
        HttpResponse<String> csvAlone = tenant.client().getRaw(csv);
        HttpResponse<String> dataArrayAlone = tenant.client().getRaw(dataArray);
        assertThat(csvAlone.statusCode()).as(csvAlone.body()).isEqualTo(200);
        assertThat(dataArrayAlone.statusCode()).as(dataArrayAlone.body()).isEqualTo(200);

        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "csv", "method": "get", "url": "%s"},
                  {"id": "array", "method": "get", "url": "%s"}
                ]}""".formatted(csv, dataArray));

        JsonNode csvResponse = responses.get(0);
        assertThat(csvResponse.get("status").asInt()).as(csvResponse.toString()).isEqualTo(200);
        assertThat(csvResponse.at("/headers/content-type").asString()).isEqualTo(CSV_TYPE);
        assertThat(csvResponse.at("/headers/content-disposition").asString())
                .isEqualTo(csvAlone.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"Datastreams-" + datastream + "-Observations.csv\"");
        assertThat(csvResponse.at("/headers/link").asString()).isEqualTo(nextLink());
        assertThat(csvResponse.get("body").isString()).isTrue();
        assertThat(csvResponse.get("body").asString()).isEqualTo(csvAlone.body())
                .isEqualTo("phenomenonTime,result\r\n2026-11-22T10:00:00Z,101\r\n2026-11-22T10:15:00Z,102\r\n");

        JsonNode arrayResponse = responses.get(1);
        assertThat(arrayResponse.get("status").asInt()).as(arrayResponse.toString()).isEqualTo(200);
        assertThat(arrayResponse.has("headers")).isFalse();
        assertThat(arrayResponse.get("body")).isEqualTo(StaClient.json(dataArrayAlone.body()));
        assertThat(arrayResponse.at("/body/@iot.count").asLong()).isEqualTo(3);
        assertThat(arrayResponse.at("/body/value/0/dataArray").toString()).isEqualTo("[[101],[102]]");
    }

    /** Read on the group's transaction: the CSV shows what the group wrote before it; a failed group shows nothing. */
    @Test
    void insideAnAtomicityGroupTheCsvSeesTheGroupsWritesAndAMissingEntityFailsTheGroup() {
        String all = "Datastreams(" + datastream + ")/Observations?$resultFormat=CSV&$select=result&$orderby=result";
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "new", "atomicityGroup": "g", "method": "post", "url": "Datastreams(%1$d)/Observations",
                   "body": {"phenomenonTime": "2026-11-22T10:45:00Z", "result": 104}},
                  {"id": "csv", "atomicityGroup": "g", "method": "get", "url": "%2$s"},
                  {"id": "new2", "atomicityGroup": "h", "method": "post", "url": "Datastreams(%1$d)/Observations",
                   "body": {"phenomenonTime": "2026-11-22T11:00:00Z", "result": 105}},
                  {"id": "missing", "atomicityGroup": "h", "method": "get",
                   "url": "Datastreams(999999999)?$resultFormat=CSV"}
                ]}""".formatted(datastream, all));

        assertThat(responses.get(1).get("body").asString()).isEqualTo("result\r\n101\r\n102\r\n103\r\n104\r\n");
        assertThat(responses.get(3).get("status").asInt()).isEqualTo(404);
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(424);
        assertThat(tenant.count("Datastreams(" + datastream + ")/Observations")).isEqualTo(4);
    }

    @Test
    void aMultipartBatchCarriesTheBytesAndHeaders() {
        HttpResponse<String> csvAlone = tenant.client().getRaw(csv);
        HttpResponse<String> dataArrayAlone = tenant.client().getRaw(dataArray);
        String body = """
                --b
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET %s HTTP/1.1

                --b
                Content-Type: application/http
                Content-Transfer-Encoding: binary

                GET %s HTTP/1.1

                --b--
                """.formatted(csv, dataArray).replace("\n", "\r\n");

        List<String> parts = StaClientBatch.parts(tenant.multipart("b", body));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).startsWith("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\n")
                .contains("Content-Type: " + CSV_TYPE + "\r\n",
                        "Content-Disposition: " + csvAlone.headers().firstValue("Content-Disposition").orElseThrow() + "\r\n",
                        "Link: " + nextLink() + "\r\n")
                .endsWith("\r\n\r\n" + csvAlone.body());
        assertThat(parts.get(1)).contains("HTTP/1.1 200 OK\r\n", "Content-Type: application/json;charset=UTF-8\r\n");
        assertThat(StaClient.json(parts.get(1).substring(parts.get(1).indexOf("\r\n\r\n{") + 4)))
                .isEqualTo(StaClient.json(dataArrayAlone.body()));
    }
}

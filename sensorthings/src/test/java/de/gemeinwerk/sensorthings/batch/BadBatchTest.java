package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad batches over HTTP: a malformed batch is one 4xx problem naming the place; a bad request inside a well-formed
 * batch gets its own problem and leaves the others alone. Never a 500. Tenants stay apart.
 */
class BadBatchTest extends BatchHttpTest {


    private JsonNode jsonProblem(String batch, int status, String where) {
        JsonNode problem = assertProblem(tenant.json(batch), status, tenant.batchPath());
        assertThat(problem.path("where").asString()).isEqualTo(where);
        return problem;
    }

    private JsonNode multipartProblem(String contentType, String body, int status, String where) {
        HttpResponse<String> response = tenant.client().http().send("POST", tenant.batchPath(), body, contentType,
                tenant.client().key());
        JsonNode problem = assertProblem(response, status, tenant.batchPath());
        assertThat(problem.path("where").asString()).isEqualTo(where);
        return problem;
    }

    @Test
    void malformedOrMisshapenJsonBatches() {
        jsonProblem("{\"requests\": [", 400, "body at line 1, column 15");
        jsonProblem("[]", 400, "body");
        jsonProblem("{\"requests\": {}}", 400, "body");
        jsonProblem("{\"requests\": [], \"extra\": 1}", 400, "extra");
        jsonProblem("{\"requests\": [42]}", 400, "requests[0]");
        jsonProblem("{\"requests\": [{\"id\": \"1\", \"url\": \"Things\"}]}", 400, "requests[0].method");
        jsonProblem("{\"requests\": [{\"id\": \"1\", \"method\": \"get\"}]}", 400, "requests[0].url");
        jsonProblem("{\"requests\": [{\"method\": \"get\", \"url\": \"Things\"}]}", 400, "requests[0].id");
        jsonProblem("{\"requests\": [{\"id\": \"1\", \"method\": \"head\", \"url\": \"Things\"}]}", 400,
                "requests[0].method");
        jsonProblem("{\"requests\": [{\"id\": 1, \"method\": \"get\", \"url\": \"Things\"}]}", 400, "requests[0].id");
        jsonProblem("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"Things\", \"if\": \"x\"}]}", 400,
                "requests[0].if");
        jsonProblem("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"Things\", \"headers\": []}]}", 400,
                "requests[0].headers");
        assertProblem(tenant.client().http().send("POST", tenant.batchPath(), "", "application/json",
                tenant.client().key()), 400, tenant.batchPath());
    }

    @Test
    void idsDependenciesAndGroupsThatDoNotFit() {
        jsonProblem("""
                {"requests": [{"id": "1", "method": "get", "url": "Things"},
                              {"id": "1", "method": "get", "url": "Things"}]}""", 400, "requests[1].id");
        JsonNode forward = jsonProblem("""
                {"requests": [{"id": "1", "dependsOn": ["2"], "method": "get", "url": "Things"},
                              {"id": "2", "dependsOn": ["1"], "method": "get", "url": "Things"}]}""", 400,
                "requests[0].dependsOn");
        assertThat(forward.get("detail").asString()).contains("'2'", "before");
        jsonProblem("""
                {"requests": [{"id": "1", "dependsOn": ["1"], "method": "get", "url": "Things"}]}""", 400,
                "requests[0].dependsOn");
        jsonProblem("""
                {"requests": [{"id": "1", "atomicityGroup": "g", "method": "get", "url": "Things"},
                              {"id": "2", "method": "get", "url": "Things"},
                              {"id": "3", "atomicityGroup": "g", "method": "get", "url": "Things"}]}""", 400,
                "requests[2].atomicityGroup");
        jsonProblem("""
                {"requests": [{"id": "g", "method": "get", "url": "Things"},
                              {"id": "2", "atomicityGroup": "g", "method": "get", "url": "Things"}]}""", 400,
                "requests[0].id");
    }

    @Test
    void aReferenceThatCannotBeResolvedFailsItsRequestOnly() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "method": "post", "url": "Things", "body": {"name": "a", "description": "d"}},
                  {"id": "2", "method": "get", "url": "$1"},
                  {"id": "3", "method": "get", "url": "$9/Datastreams"},
                  {"id": "4", "dependsOn": ["1"], "method": "post", "url": "Datastreams",
                   "body": {"Thing": {"@iot.id": "$7"}}},
                  {"id": "5", "dependsOn": ["1"], "method": "get", "url": "$1"}
                ]}""");

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(responses.get(1).get("body").get("where").asString()).isEqualTo("requests[1].url");
        assertThat(responses.get(1).get("body").get("detail").asString()).contains("dependsOn");
        assertThat(responses.get(2).get("body").get("where").asString()).isEqualTo("requests[2].url");
        assertThat(responses.get(3).get("status").asInt()).isEqualTo(400);
        assertThat(responses.get(3).get("body").get("where").asString()).isEqualTo("requests[3].body: /Thing/@iot.id");
        assertThat(responses.get(4).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void tooManyRequests() {
        StringBuilder batch = new StringBuilder("{\"requests\": [");
        for (int i = 0; i <= 1000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"method\": \"get\", \"url\": \"Things\"}");
        }
        JsonNode problem = jsonProblem(batch.append("]}").toString(), 413, "body");
        assertThat(problem.get("detail").asString()).contains("at most 1000 requests");
    }

    @Test
    void aBodyLargerThanAllowed() {
        String huge = "--b\r\n" + " ".repeat(16 * 1024 * 1024) + "\r\n--b--\r\n";
        multipartProblem("multipart/mixed; boundary=b", huge, 413, "body");
    }

    @Test
    void wrongMediaTypesAndBoundaries() {
        assertProblem(tenant.client().http().send("POST", tenant.batchPath(), "x", "text/plain", tenant.client().key()),
                415, tenant.batchPath());
        multipartProblem("multipart/mixed", "--b\r\n--b--", 400, "Content-Type");
        multipartProblem("multipart/mixed; boundary=" + "x".repeat(71), "--b\r\n--b--", 400, "Content-Type");
        multipartProblem("multipart/mixed; boundary=b", "no delimiter at all", 400, "body");
        multipartProblem("multipart/mixed; boundary=b", "--b\r\nContent-Type: application/http\r\n\r\nGET Things\r\n",
                400, "body");
    }

    @Test
    void badParts() {
        String type = "multipart/mixed; boundary=b";
        multipartProblem(type, "--b\r\nContent-Type: text/plain\r\n\r\nGET Things\r\n--b--", 400, "part 1 Content-Type");
        multipartProblem(type, "--b\r\n\r\nGET Things\r\n--b--", 400, "part 1 Content-Type");
        multipartProblem(type, "--b\r\nContent-Type: application/http\r\n\r\nGET\r\n--b--", 400, "part 1 request line");
        multipartProblem(type, "--b\r\nContent-Type: application/http\r\n\r\nFETCH Things HTTP/1.1\r\n--b--", 400,
                "part 1 request line");
        multipartProblem(type, "--b\r\nContent-Type: application/http\r\n\r\nGET Things HTTX\r\n--b--", 400,
                "part 1 request line");
        multipartProblem(type, "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "GET Things\r\n--b--", 400, "part 1 Content-Transfer-Encoding");
        multipartProblem(type, """
                --b\r
                Content-Type: multipart/mixed; boundary=c\r
                \r
                --c\r
                Content-Type: multipart/mixed; boundary=d\r
                \r
                --d--\r
                --c--\r
                --b--""", 400, "part 1.1 Content-Type");
        multipartProblem(type, """
                --b\r
                Content-Type: multipart/mixed\r
                \r
                --b--""", 400, "part 1 Content-Type");
        multipartProblem(type, """
                --b\r
                Content-Type: multipart/mixed; boundary=c\r
                \r
                --c\r
                Content-Type: application/http\r
                Content-ID: 1\r
                \r
                GET Things\r
                --c\r
                Content-Type: application/http\r
                Content-ID: 1\r
                \r
                GET Things\r
                --c--\r
                --b--""", 400, "part 1.2 id");
    }

    @Test
    void aPrivateTenantsBatchNeedsAKeyAsAReadDoes() {
        String slug = "batch-private-" + System.nanoTime() % 100000;
        tenants.create(slug, "Privat", true);
        String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"Things\"}]}";

        assertProblem(tenant.client().http().send("POST", "/" + slug + "/v1.1/$batch", batch, "application/json", null),
                401, "/" + slug + "/v1.1/$batch");
        assertProblem(tenant.client().http().send("POST", "/" + slug + "/v1.1/$batch", batch, "application/json",
                tenant.client().key()), 403, "/" + slug + "/v1.1/$batch");
    }

    @Test
    void anotherTenantIsOutOfReach() {
        BatchTenant other = BatchTenant.create(port, tenants, keys);
        long foreign = other.thing("fremd");
        String otherRoot = other.client().root();
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "method": "get", "url": "Things(%1$d)"},
                  {"id": "2", "method": "get", "url": "%2$s/Things(%1$d)"},
                  {"id": "3", "method": "get", "url": "http://localhost:%3$d%2$s/Things(%1$d)"},
                  {"id": "4", "method": "get", "url": "http://elsewhere.example.org%4$s/Things"},
                  {"id": "5", "method": "patch", "url": "Things(%1$d)", "body": {"name": "übernommen"}},
                  {"id": "6", "method": "post", "url": "Datastreams",
                   "body": {"name": "x", "description": "d", "Thing": {"@iot.id": %1$d}}}
                ]}""".formatted(foreign, otherRoot, port, tenant.client().root()));

        for (int i = 0; i < 5; i++) {
            assertThat(responses.get(i).get("status").asInt()).as(responses.get(i).toString()).isEqualTo(404);
        }
        assertThat(responses.get(1).get("body").get("where").asString()).isEqualTo("requests[1].url");
        assertThat(responses.get(5).get("status").asInt()).isBetween(400, 404);
        StaClient otherClient = other.client();
        assertThat(otherClient.get("Things(" + foreign + ")").get("name").asString()).isEqualTo("fremd");
    }

    @Test
    void nestedBatchesAndBadReadsAreRefusedPerRequest() {
        JsonNode responses = tenant.jsonResponses("""
                {"requests": [
                  {"id": "1", "method": "post", "url": "$batch", "body": {"requests": []}},
                  {"id": "2", "method": "get", "url": "Things?$resultFormat=dataArray"},
                  {"id": "3", "method": "get", "url": "Things?$filter=name eq"},
                  {"id": "4", "method": "get", "url": "Things(1)%%zz"}
                ]}""".formatted());

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(400);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(400);
        assertThat(responses.get(1).get("body").get("detail").asString()).contains("collections of Observations");
        assertThat(responses.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(responses.get(2).get("body").get("where").asString()).startsWith("$filter");
        assertThat(responses.get(3).get("status").asInt()).isEqualTo(400);
    }
}

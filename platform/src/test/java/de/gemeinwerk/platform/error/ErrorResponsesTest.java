package de.gemeinwerk.platform.error;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static de.gemeinwerk.platform.ProblemAssertions.assertNoInternals;
import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class ErrorResponsesTest {

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void unknownUrlIs404() {
        assertProblem(http.get("/no/such/thing", null), 404, "/no/such/thing");
        assertProblem(http.get("/no-such-file.css", null), 404, "/no-such-file.css");
    }

    @Test
    void aRealDeadlockIs503WithRetryAfterAndNoInternals() {
        HttpResponse<String> response = http.get("/test/deadlock", null);

        JsonNode problem = assertProblem(response, 503, "/test/deadlock");
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(problem.path("detail").asString()).contains("send it again");
        assertThat(problem.path("errorId").asString()).hasSize(16);
        assertThat(response.body()).doesNotContain("deadlock detected", "40P01", "PSQL");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = http.send("PUT", "/test/failure", "{}", "application/json", null);

        assertProblem(response, 405, "/test/failure");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void wrongMediaTypeIs415() {
        assertProblem(http.send("POST", "/test/sample", "name=x", "text/plain", null), 415, "/test/sample");
    }

    @Test
    void malformedJsonSaysLineAndColumn() {
        HttpResponse<String> response = http.sendJson("POST", "/test/sample", "{\n  \"name\": \"x\",\n  count: 3}", null);

        JsonNode problem = assertProblem(response, 400, "/test/sample");
        assertThat(problem.path("detail").asString()).contains("line 3, column 3");
        assertThat(problem.path("where").asString()).isEqualTo("body at line 3, column 3");
    }

    @Test
    void mistypedJsonValueNamesTheField() {
        JsonNode problem = assertProblem(http.sendJson("POST", "/test/sample", "{\"count\": \"many\"}", null),
                400, "/test/sample");
        assertThat(problem.path("where").asString()).isEqualTo("body: /count");
    }

    @Test
    void missingBodyIs400() {
        assertProblem(http.sendJson("POST", "/test/sample", "", null), 400, "/test/sample");
    }

    @Test
    void missingOrMistypedParameterIs400NamingIt() {
        JsonNode missing = assertProblem(http.get("/test/count", null), 400, "/test/count");
        assertThat(missing.path("where").asString()).isEqualTo("parameter count");

        JsonNode mistyped = assertProblem(http.get("/test/count?count=many", null), 400, "/test/count");
        assertThat(mistyped.path("where").asString()).isEqualTo("parameter count");
    }

    @Test
    void unexpectedExceptionIs500WithErrorIdOnly() {
        HttpResponse<String> response = http.get("/test/failure", null);

        JsonNode problem = assertProblem(response, 500, "/test/failure");
        assertThat(problem.path("errorId").asString()).matches("[0-9a-f]{16}");
        assertThat(problem.path("detail").asString()).contains(problem.path("errorId").asString());
        assertThat(response.body()).doesNotContain("secret", "IllegalState");
    }

    @Test
    void apiExceptionKeepsStatusMessageAndWhere() {
        JsonNode problem = assertProblem(http.get("/test/api-error", null), 400, "/test/api-error");
        assertThat(problem.path("detail").asString()).isEqualTo("Unknown function 'foo'.");
        assertThat(problem.path("where").asString()).isEqualTo("$filter at position 7");
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");

        assertProblem(http.send("POST", "/test/upload", "x".repeat(1000), "application/octet-stream", null),
                413, "/test/upload");
    }

    @Test
    void failuresOutsideSpringMvcAreProblemsToo() {
        HttpResponse<String> failure = http.get("/test/filter-failure", null);
        JsonNode problem = assertProblem(failure, 500, "/test/filter-failure");
        assertThat(problem.path("errorId").isString()).isTrue();
        assertThat(failure.body()).doesNotContain("secret");

        HttpResponse<String> refusal = http.get("/test/filter-refusal", null);
        assertProblem(refusal, 403, "/test/filter-refusal");
        assertThat(refusal.body()).doesNotContain("secret");
    }

    @Test
    void errorPathItselfAnswersWithProblem() {
        assertProblem(http.get("/error", null), 404, "/error");
    }

    @Test
    void malformedUrlRejectedByTomcatIsProblemJson() {
        assertRawProblem(http.raw("GET /% HTTP/1.1"), 400);
        assertRawProblem(http.raw("GET /a%zz HTTP/1.1"), 400);
    }

    @Test
    void illegalCharacterInUrlIsProblemJson() {
        assertRawProblem(http.raw("GET /a{b}|c HTTP/1.1"), 400);
    }

    private static void assertRawProblem(String raw, int status) {
        assertThat(raw).startsWith("HTTP/1.1 " + status);
        assertThat(raw.toLowerCase()).contains("content-type: application/problem+json");
        assertNoInternals(raw);
        JsonNode problem = JsonMapper.shared().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
    }
}

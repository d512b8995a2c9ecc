package de.gemeinwerk.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a response is an RFC 9457 problem that reveals nothing of the server's inside. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts the problem shape and returns the body for further checks. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String instance) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertNoInternals(response.body());
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("instance").asString()).isEqualTo(instance);
        return problem;
    }

    public static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "\tat ", "at de.", "at org.", "java.", "<html");
    }
}

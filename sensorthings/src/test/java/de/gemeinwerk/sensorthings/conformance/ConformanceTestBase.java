package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.platform.ProblemAssertions;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared plumbing of the conformance tests (each concrete class carries {@code @SensorThingsTest}): the
 * municipal data set, created once, and assertions on collections and problem responses.
 */
abstract class ConformanceTestBase {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys apiKeys;

    /** The municipal data set in tenant "musterstadt-…", shared by all conformance tests. */
    MunicipalData data() {
        return MunicipalData.shared("musterstadt", () -> newTenant("musterstadt"));
    }

    StaClient sta() {
        return data().client;
    }

    StaClient newTenant(String prefix) {
        return StaClient.newTenant(port, tenants, apiKeys, prefix);
    }

    /** The {@code @iot.id}s of a collection response that fits on one page, in response order. */
    static List<Long> ids(JsonNode collection) {
        assertThat(collection.has("@iot.nextLink")).as("all results on one page: %s", collection).isFalse();
        List<Long> ids = new ArrayList<>();
        for (JsonNode entity : collection.get("value")) {
            ids.add(entity.get("@iot.id").asLong());
        }
        return ids;
    }

    /** The {@code @iot.id}s on one page of a collection, whether more pages follow or not. */
    static List<Long> idsOnPage(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.get("value").forEach(entity -> ids.add(entity.get("@iot.id").asLong()));
        return ids;
    }

    /** GET of a collection (in the shared tenant) that fits on one page, and its ids. */
    List<Long> ids(String path) {
        return ids(sta().get(path));
    }

    static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("value").forEach(entity -> names.add(entity.get("name").asString()));
        return names;
    }

    static List<String> fieldNames(JsonNode entity) {
        List<String> names = new ArrayList<>();
        entity.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * An error response as the platform promises it: the status, an {@code application/problem+json} body with a
     * {@code detail}, and nothing of the server's inside (no stack trace, no Java class names).
     */
    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of %s", response.uri())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        ProblemAssertions.assertNoInternals(response.body());
        assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContain("de.gemeinwerk", "tools.jackson");
        JsonNode problem = StaClient.json(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    /** A 400 whose {@code where} names the offending part exactly, e.g. "$filter at position 7". */
    static JsonNode assertBadRequest(HttpResponse<String> response, String where) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("where").asString()).as("where of %s", problem).isEqualTo(where);
        return problem;
    }
}

package de.gemeinwerk.platform.admin;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class AdminApiTest {

    private static final String TENANTS = "/admin/v1/tenants";

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;

    TestHttp http;
    String operator;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        operator = apiKeys.create(null, "operator", Role.ADMIN).key();
    }

    @Test
    void instanceAdminCreatesListsAndUpdatesTenants() {
        HttpResponse<String> created = http.sendJson("POST", TENANTS,
                "{\"slug\":\"api-dorf\",\"name\":\"Dorf\",\"privateReads\":true}", operator);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains(TENANTS + "/api-dorf");
        assertThat(json(created).path("privateReads").asBoolean()).isTrue();

        assertThat(http.get(TENANTS, operator).body()).contains("\"slug\":\"api-dorf\"");

        HttpResponse<String> updated = http.sendJson("PATCH", TENANTS + "/api-dorf",
                "{\"privateReads\":false}", operator);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("privateReads").asBoolean()).isFalse();
        assertThat(json(updated).path("name").asString()).isEqualTo("Dorf");
    }

    @Test
    void tenantEndpointsNeedTheInstanceAdminKey() {
        HttpResponse<String> anonymous = http.get(TENANTS, null);
        assertProblem(anonymous, 401, TENANTS);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));

        assertProblem(http.get(TENANTS, "gw_" + "y".repeat(43)), 401, TENANTS);

        createTenant("api-other");
        String tenantAdmin = createKey("api-other", "{\"name\":\"boss\",\"role\":\"admin\"}");
        assertProblem(http.get(TENANTS, tenantAdmin), 403, TENANTS);
    }

    @Test
    void bodiesAreValidatedStrictly() {
        JsonNode unknownField = assertProblem(http.sendJson("POST", TENANTS,
                "{\"slug\":\"api-strict\",\"name\":\"Strict\",\"colour\":\"red\"}", operator), 400, TENANTS);
        assertThat(unknownField.path("detail").asString()).contains("colour");
        assertThat(unknownField.path("where").asString()).isEqualTo("body: /colour");

        JsonNode malformed = assertProblem(http.sendJson("POST", TENANTS, "{\"slug\": }", operator), 400, TENANTS);
        assertThat(malformed.path("detail").asString()).contains("line 1, column 10");

        JsonNode badSlug = assertProblem(http.sendJson("POST", TENANTS,
                "{\"slug\":\"Bad Slug\",\"name\":\"x\"}", operator), 400, TENANTS);
        assertThat(badSlug.path("where").asString()).isEqualTo("slug");

        assertProblem(http.send("POST", TENANTS, "slug=x", "application/x-www-form-urlencoded", operator),
                415, TENANTS);
        assertProblem(http.sendJson("POST", TENANTS, "{}", operator), 400, TENANTS);
    }

    @Test
    void duplicateTenantIs409() {
        createTenant("api-twice");
        assertProblem(http.sendJson("POST", TENANTS, "{\"slug\":\"api-twice\",\"name\":\"Again\"}", operator),
                409, TENANTS);
    }

    @Test
    void tenantAdminManagesTheTenantsKeys() {
        createTenant("api-keys");
        String keysPath = "/api-keys/admin/v1/api-keys";
        String tenantAdmin = createKey("api-keys", "{\"name\":\"boss\",\"role\":\"admin\"}");

        HttpResponse<String> created = http.sendJson("POST", keysPath,
                "{\"name\":\"gateway\",\"role\":\"write\"}", tenantAdmin);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = json(created);
        assertThat(key.path("key").asString()).startsWith("gw_");
        assertThat(key.path("role").asString()).isEqualTo("write");
        long id = key.path("id").asLong();

        HttpResponse<String> list = http.get(keysPath, tenantAdmin);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"gateway\"").doesNotContain(key.path("key").asString(), "keyHash");

        assertProblem(http.get(keysPath, key.path("key").asString()), 403, keysPath);

        assertThat(http.send("DELETE", keysPath + "/" + id, null, null, tenantAdmin).statusCode()).isEqualTo(204);
        assertProblem(http.get(keysPath, key.path("key").asString()), 401, keysPath);
        assertProblem(http.send("DELETE", keysPath + "/999999", null, null, tenantAdmin), 404, keysPath + "/999999");
        assertProblem(http.sendJson("POST", keysPath, "{\"name\":\"x\",\"role\":\"owner\"}", tenantAdmin),
                400, keysPath);
    }

    @Test
    void unknownTenantIs404() {
        assertProblem(http.get("/api-nowhere/admin/v1/api-keys", operator), 404, "/api-nowhere/admin/v1/api-keys");
    }

    private void createTenant(String slug) {
        HttpResponse<String> response = http.sendJson("POST", TENANTS,
                "{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}", operator);
        assertThat(response.statusCode()).isEqualTo(201);
    }

    /** Creates a key with the operator key and returns its secret. */
    private String createKey(String slug, String body) {
        HttpResponse<String> response = http.sendJson("POST", "/" + slug + "/admin/v1/api-keys", body, operator);
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).path("key").asString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}

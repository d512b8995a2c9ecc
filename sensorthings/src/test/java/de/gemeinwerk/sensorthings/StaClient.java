package de.gemeinwerk.sensorthings;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to one tenant's SensorThings service root over real HTTP, with that tenant's write key.
 * Paths are relative to the service root: {@code get("Things(1)/Datastreams?$top=2")}.
 */
public final class StaClient {

    private static final AtomicInteger TENANTS = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestHttp http;
    private final Tenant tenant;
    private final String key;

    private StaClient(TestHttp http, Tenant tenant, String key) {
        this.http = http;
        this.tenant = tenant;
        this.key = key;
    }

    /** A fresh tenant with a unique slug ({@code prefix-N}) and an admin key. */
    public static StaClient newTenant(int port, Tenants tenants, ApiKeys keys, String prefix) {
        Tenant tenant = tenants.create(prefix + "-" + TENANTS.incrementAndGet() + "-" + System.nanoTime() % 100000,
                "Test " + prefix, false);
        String key = keys.create(tenant.id(), "test", Role.ADMIN).key();
        return new StaClient(new TestHttp(port), tenant, key);
    }

    public Tenant tenant() { return tenant; }

    public String key() { return key; }

    public TestHttp http() { return http; }

    public String root() { return "/" + tenant.slug() + "/v1.1"; }

    /** Percent-encodes what follows '?' in a path given readably, e.g. {@code Things?$filter=name eq 'a b'}. */
    public static String encode(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return pathAndQuery;
        }
        StringBuilder out = new StringBuilder(pathAndQuery.substring(0, q + 1));
        String[] pairs = pathAndQuery.substring(q + 1).split("&");
        for (int i = 0; i < pairs.length; i++) {
            String[] kv = pairs[i].split("=", 2);
            out.append(i > 0 ? "&" : "").append(kv[0]).append('=')
                    .append(URLEncoder.encode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** GET without a key, as an anonymous reader. */
    public HttpResponse<String> getRaw(String path) {
        return http.get(root() + "/" + encode(path), null);
    }

    /** GET presenting this client's key (needed for tenants with private reads). */
    public HttpResponse<String> getWithKey(String path) {
        return http.get(root() + "/" + encode(path), key);
    }

    /** GET of an absolute URL the server handed out (e.g. {@code @iot.nextLink}), expecting 200. */
    public JsonNode follow(String absoluteUrl) {
        java.net.URI uri = java.net.URI.create(absoluteUrl);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpResponse<String> response = http.get(path, null);
        assertThat(response.statusCode()).as("GET %s: %s", absoluteUrl, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The same tenant's service root, but with another API key (null: none) for writes and {@link #getWithKey}. */
    public StaClient withKey(String otherKey) {
        return new StaClient(http, tenant, otherKey);
    }

    /** GET expecting 200; returns the JSON body. */
    public JsonNode get(String path) {
        HttpResponse<String> response = getRaw(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> send(String method, String path, String json) {
        return http.sendJson(method, root() + "/" + encode(path), json, key);
    }

    /** POST expecting 201; returns the created entity's id. */
    public long create(String path, String json) {
        HttpResponse<String> response = send("POST", path, json);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("@iot.id").asLong();
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}

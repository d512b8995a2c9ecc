package de.gemeinwerk.lorawan;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh tenant seen from outside: its LoRaWAN admin API (with its admin key), its webhooks and its SensorThings
 * service ({@link #sta()}), all over real HTTP.
 */
public final class LorawanClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final StaClient sta;
    private final int port;

    private LorawanClient(StaClient sta, int port) {
        this.sta = sta;
        this.port = port;
    }

    public static LorawanClient newTenant(int port, Tenants tenants, ApiKeys keys, String prefix) {
        return new LorawanClient(StaClient.newTenant(port, tenants, keys, prefix), port);
    }

    public StaClient sta() {
        return sta;
    }

    public String slug() {
        return sta.tenant().slug();
    }

    /** An admin call with this tenant's admin key; {@code path} relative to {@code /{tenant}/admin/v1/lorawan}. */
    public HttpResponse<String> admin(String method, String path, String json) {
        return adminWithKey(method, path, json, sta.key());
    }

    public HttpResponse<String> adminWithKey(String method, String path, String json, String key) {
        return sta.http().send(method, "/" + slug() + "/admin/v1/lorawan" + path, json,
                json == null ? null : "application/json", key);
    }

    /** An admin call expecting {@code status}; returns the JSON body (null for none). */
    public JsonNode admin(String method, String path, String json, int status) {
        HttpResponse<String> response = admin(method, path, json);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /**
     * The job at {@code location} (a path, as a 202's Location header gives it) as soon as {@code until} holds for it;
     * fails after 60 s (a hang, not slowness).
     */
    public JsonNode job(String location, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = sta.http().get(location, sta.key());
            assertThat(response.statusCode()).as("GET %s: %s", location, response.body()).isEqualTo(200);
            JsonNode job = JSON.readTree(response.body());
            if (until.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s never got there: %s", location, job).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The job a 202 answer points at, once it has ended. */
    public JsonNode endedJob(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return job(accepted.headers().firstValue("Location").orElseThrow(),
                job -> !job.get("state").asString().equals("running"));
    }

    /** Creates a webhook for {@code networkServer} and returns its secret. */
    public String webhookSecret(String networkServer) {
        return admin("POST", "/webhooks", "{\"name\":\"Test\",\"networkServer\":\"" + networkServer + "\"}", 201)
                .get("secret").asString();
    }

    /** The id of the built-in device type {@code key}. */
    public long builtInType(String key) {
        for (JsonNode type : admin("GET", "/device-types", null, 200)) {
            if (type.get("key").asString().equals(key) && type.get("owner").isNull()) {
                return type.get("id").asLong();
            }
        }
        throw new AssertionError("no built-in device type " + key);
    }

    /** Registers a device of a built-in type at a fixed point. */
    public JsonNode register(String devEui, String name, String typeKey) {
        return admin("POST", "/devices", "{\"devEui\":\"" + devEui + "\",\"name\":\"" + name
                + "\",\"deviceType\":" + builtInType(typeKey)
                + ",\"location\":{\"type\":\"Point\",\"coordinates\":[9.494,51.298]}}", 201);
    }

    /** POSTs {@code body} to a webhook path below {@code /{tenant}/lorawan/v1/}, with the given headers. */
    public HttpResponse<String> webhook(String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/" + slug() + "/lorawan/v1/" + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body to a webhook with {@code Authorization: Bearer <secret>}. */
    public HttpResponse<String> webhook(String path, byte[] body, String secret) {
        return webhook(path, body, "application/json", "Authorization", "Bearer " + secret);
    }

    /** A sample of {@code testdata/lorawan/}, e.g. {@code chirpstack-v4/up-laq4.json}. */
    public static byte[] sample(String name) {
        try (InputStream in = Objects.requireNonNull(LorawanClient.class.getResourceAsStream(
                "/testdata/lorawan/" + name), name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The values of {@code items[*].field} of a SensorThings collection. */
    public static List<String> values(JsonNode collection, String field) {
        return collection.get("value").valueStream().map(item -> item.get(field).asString()).toList();
    }
}

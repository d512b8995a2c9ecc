package de.gemeinwerk.server.demo.lorawan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gemeinwerk's LoRaWAN admin API ({@code /{tenant}/admin/v1/lorawan}) over HTTP, as an administrator's script would
 * use it: collections ({@code webhooks}, {@code device-types}, {@code devices}, {@code quarantine}) listed, created
 * and deleted with the tenant's admin key. Anything but the expected status is an exception naming the request and
 * the answer.
 */
public final class LorawanAdminClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    /** {@code server}: scheme, host and port, e.g. {@code http://127.0.0.1:8080}. */
    public LorawanAdminClient(String server, String tenant, String adminKey) {
        this.base = server + "/" + tenant + "/admin/v1/lorawan/";
        this.key = adminKey;
    }

    public List<JsonNode> list(String collection) {
        JsonNode array = JSON.readTree(exchange("GET", collection, null, 200));
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** POSTs {@code body} to the collection and returns the created item (201). */
    public JsonNode create(String collection, ObjectNode body) {
        return JSON.readTree(exchange("POST", collection, body.toString(), 201));
    }

    public void delete(String collection, String id) {
        exchange("DELETE", collection + "/" + id, null, 204);
    }

    /** Registers a webhook; returns its id and its secret (which only this answer shows). */
    public Webhook createWebhook(String name, WebhookFormat format) {
        JsonNode created = create("webhooks", JSON.createObjectNode().put("name", name)
                .put("networkServer", format.networkServer()));
        return new Webhook(created.get("id").asLong(), created.get("secret").asString());
    }

    public record Webhook(long id, String secret) {}

    /** The ids of the device types the tenant may use, by key (the built-in ones: {@code milesight-em500-udl}, …). */
    public Map<String, Long> deviceTypeIds() {
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode type : list("device-types")) {
            ids.put(type.get("key").asString(), type.get("id").asLong());
        }
        return ids;
    }

    /** Registers a device at a point (WGS 84 longitude, latitude); its Thing is created by its first uplink. */
    public void registerDevice(String devEui, String name, String description, long deviceType, double lon, double lat) {
        ObjectNode device = JSON.createObjectNode().put("devEui", devEui).put("name", name).put("description", description)
                .put("deviceType", deviceType);
        device.putObject("location").put("type", "Point").putArray("coordinates").add(lon).add(lat);
        device.putNull("thing");
        create("devices", device);
    }

    private String exchange(String method, String path, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + base + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + base + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + base + path, e);
        }
    }
}

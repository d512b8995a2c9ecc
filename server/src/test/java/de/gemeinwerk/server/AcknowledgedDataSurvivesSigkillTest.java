package de.gemeinwerk.server;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never lose acknowledged data: the real server runs in its own JVM, several clients POST Observations over HTTP and
 * publish them over MQTT at QoS 1, the server is killed with SIGKILL in the middle of it, and after a restart every
 * Observation that was acknowledged — with 201, or with a PUBACK — is there.
 */
class AcknowledgedDataSurvivesSigkillTest {

    private static final Pattern ID = Pattern.compile("\"@iot.id\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedObservationIsThereAfterSigkillAndRestart() throws Exception {
        int port = freePort();
        int mqttPort = freePort();
        Process server = startServer(port, mqttPort);
        String key = Files.readString(dataDir.resolve("demo-api-key")).trim();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        // per publishing Datastream, the results whose PUBACK arrived (MQTT acknowledges without an id)
        Map<Integer, Set<Integer>> published = Map.of(5, ConcurrentHashMap.newKeySet(), 6, ConcurrentHashMap.newKeySet());
        List<Thread> clients = new ArrayList<>();
        for (int datastream = 1; datastream <= 4; datastream++) {
            int target = datastream;
            clients.add(Thread.ofPlatform().start(() -> postUntilRefused(port, key, target, acknowledged)));
        }
        published.forEach((datastream, results) -> clients.add(Thread.ofPlatform().start(
                () -> publishUntilRefused(mqttPort, key, datastream, results))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((acknowledged.size() < 300 || published.values().stream().anyMatch(r -> r.size() < 50))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL while the clients are writing
        for (Thread client : clients) {
            client.join();
        }
        assertThat(acknowledged).as("observations acknowledged before the kill").hasSizeGreaterThanOrEqualTo(300);
        published.forEach((datastream, results) -> assertThat(results)
                .as("PUBACKs for Datastream %d before the kill", datastream).hasSizeGreaterThanOrEqualTo(50));

        Process restarted = startServer(port, mqttPort);
        try {
            List<Long> ids = new ArrayList<>(acknowledged);
            for (int from = 0; from < ids.size(); from += 100) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
                String filter = "id in (" + String.join(",", chunk.stream().map(String::valueOf).toList()) + ")";
                String body = get(port, "/musterstadt/v1.1/Observations?$count=true&$top=0&$filter="
                        + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                assertThat(body).contains("\"@iot.count\":" + chunk.size());
            }
            for (Map.Entry<Integer, Set<Integer>> entry : published.entrySet()) {
                List<Integer> results = new ArrayList<>(entry.getValue());
                for (int from = 0; from < results.size(); from += 100) {
                    List<Integer> chunk = results.subList(from, Math.min(results.size(), from + 100));
                    String filter = "parameters/publisher eq 'sigkill' and result in ("
                            + String.join(",", chunk.stream().map(String::valueOf).toList()) + ")";
                    String body = get(port, "/musterstadt/v1.1/Datastreams(" + entry.getKey()
                            + ")/Observations?$count=true&$top=0&$filter="
                            + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                    assertThat(body).as("published to Datastream %d", entry.getKey())
                            .contains("\"@iot.count\":" + chunk.size());
                }
            }
        } finally {
            restarted.destroy();
            restarted.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void postUntilRefused(int port, String key, int datastream, Set<Long> acknowledged) {
        for (int n = 0; ; n++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/musterstadt/v1.1/Datastreams(" + datastream + ")/Observations"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .header("Prefer", "return=minimal").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"result\": " + n + "}")).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    Matcher id = ID.matcher(response.body());
                    assertThat(id.find()).isTrue();
                    acknowledged.add(Long.parseLong(id.group(1)));
                }
            } catch (IOException | InterruptedException e) {
                return; // the server is gone
            }
        }
    }

    /** Publishes at QoS 1 until the server is gone; MqttClient.publish returns once the PUBACK has arrived. */
    private static void publishUntilRefused(int mqttPort, String key, int datastream, Set<Integer> acknowledged) {
        try (MqttClient client = new MqttClient("tcp://127.0.0.1:" + mqttPort, "sigkill-" + datastream,
                new MemoryPersistence())) {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setUserName("gemeinwerk");
            options.setPassword(key.toCharArray());
            options.setAutomaticReconnect(false);
            client.setTimeToWait(5_000);
            client.connect(options);
            for (int n = 0; client.isConnected(); n++) {
                try {
                    client.publish("musterstadt/v1.1/Datastreams(" + datastream + ")/Observations",
                            ("{\"result\": " + n + ", \"parameters\": {\"publisher\": \"sigkill\"}}").getBytes(), 1, false);
                    acknowledged.add(n);
                } catch (MqttException e) {
                    // no PUBACK within the wait (a busy machine): not counted as acknowledged; go on while connected
                    if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_TIMEOUT) {
                        throw e;
                    }
                }
            }
        } catch (MqttException e) {
            // the server is gone
        }
    }

    private Process startServer(int port, int mqttPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GemeinwerkApplication.class.getName(), "--server.port=" + port, "--gemeinwerk.mqtt.port=" + mqttPort,
                "--gemeinwerk.data-dir=" + dataDir,
                "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server-" + port + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/actuator/health").contains("\"UP\"")) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start; its log: "
                + Files.readString(dataDir.resolve("server-" + port + ".log")));
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package de.gemeinwerk.platform.ops;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpIncludingTheDatabase() {
        HttpResponse<String> response = new TestHttp(port).get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.shared().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsIncludeTheConnectionPoolAndRequests() {
        new TestHttp(port).get("/actuator/health", null);

        HttpResponse<String> response = new TestHttp(port).get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("hikaricp_connections", "jvm_memory_used_bytes",
                "http_server_requests_seconds");
    }
}

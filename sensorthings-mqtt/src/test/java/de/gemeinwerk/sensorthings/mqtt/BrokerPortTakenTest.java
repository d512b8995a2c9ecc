package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.sensorthings.SensorThingsTestApplication;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A taken MQTT port does not stop Gemeinwerk: HTTP serves, and health reports the mqtt component DOWN. */
class BrokerPortTakenTest {

    @Test
    void theServerStartsWithoutMqttAndHealthSaysWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(SensorThingsTestApplication.class).run(
                     "--server.port=0", "--gemeinwerk.database.embedded.temporary=true",
                     "--gemeinwerk.mqtt.host=127.0.0.1", "--gemeinwerk.mqtt.port=" + taken.getLocalPort())) {
            assertThat(app.getBean(MqttBroker.class).port()).isEqualTo(-1);
            TestHttp http = new TestHttp(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
            HttpResponse<String> health = http.get("/actuator/health", null);
            JsonNode mqtt = StaClient.json(health.body()).path("components").path("mqtt");
            assertThat(mqtt.isObject()).as(health.body()).isTrue();
            assertThat(mqtt.get("status").asString()).isEqualTo("DOWN");
            // the reason is logged (and in the component's details, shown when management.endpoint.health.show-details allows)
            assertThat(http.get("/" + "actuator/health", null).statusCode()).isEqualTo(503);
            assertThat(http.get("/no-such-tenant/v1.1/Things", null).statusCode()).isEqualTo(404);
        }
    }
}

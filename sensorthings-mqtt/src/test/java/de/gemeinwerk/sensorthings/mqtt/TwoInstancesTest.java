package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.database.EmbeddedPostgresServer;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTestApplication;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.observations.IngestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Horizontal scale-out: two Gemeinwerk instances on one PostgreSQL (a separately started server standing in for
 * the production database). A subscriber connected to one instance receives what was created through the other —
 * over HTTP and over MQTT.
 */
class TwoInstancesTest {

    @Test
    void aSubscriberOnOneInstanceReceivesWhatWasCreatedThroughTheOther() throws Exception {
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.startTemporary();
             ConfigurableApplicationContext a = start(database);
             ConfigurableApplicationContext b = start(database)) {
            StaClient viaB = StaClient.newTenant(httpPort(b), b.getBean(Tenants.class), b.getBean(ApiKeys.class), "b");
            long datastream = new IngestTenant(viaB).datastream();
            String topic = viaB.tenant().slug() + "/v1.1/Datastreams(" + datastream + ")/Observations";
            try (TestMqtt subscriberOnA = TestMqtt.connect(mqttPort(a), null)) {
                assertThat(subscriberOnA.subscribe(topic)).isEqualTo(1);
                long created = viaB.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 42}");
                JsonNode message = received(subscriberOnA);
                assertThat(message.get("@iot.id").asLong()).isEqualTo(created);
                assertThat(message.get("result").asInt()).isEqualTo(42);
                try (TestMqtt publisherOnB = TestMqtt.connect(mqttPort(b), viaB.key())) {
                    publisherOnB.publish(topic, "{\"result\": 43}");
                }
                assertThat(received(subscriberOnA).get("result").asInt()).isEqualTo(43);
            }
        }
    }

    private static JsonNode received(TestMqtt subscriber) throws InterruptedException {
        TestMqtt.Message message = subscriber.next();
        assertThat(message).as("a message on instance A").isNotNull();
        return StaClient.json(message.payload());
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgresServer database) {
        return new SpringApplicationBuilder(SensorThingsTestApplication.class).run("--server.port=0",
                "--gemeinwerk.database.url=" + database.jdbcUrl(), "--gemeinwerk.database.username=postgres",
                "--gemeinwerk.database.password=", "--gemeinwerk.mqtt.port=0", "--gemeinwerk.mqtt.host=127.0.0.1",
                // files of the instances (the secrets key) under target/, not in the working tree
                "--gemeinwerk.data-dir=target/two-instances-data");
    }

    private static int httpPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static int mqttPort(ConfigurableApplicationContext context) {
        return context.getBean(MqttBroker.class).port();
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.observations.IngestTenant;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MQTT Create (SensorThings 1.1, 14.1) with a real MQTT client: what is stored, when it is acknowledged, what is refused. */
class MqttCreateTest extends MqttTestBase {


    private static long count(StaClient client, long datastream) {
        return client.get("Datastreams(" + datastream + ")/Observations?$count=true&$top=0").get("@iot.count").asLong();
    }

    @Test
    void anObservationPublishedToADatastreamIsStoredBeforeItsPubackArrives() throws Exception {
        IngestTenant tenant = newTenant();
        long datastream = tenant.datastream();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), tenant.client().key())) {
            mqtt.publish(topic(tenant.client(), "Datastreams(" + datastream + ")/Observations"),
                    "{\"phenomenonTime\": \"2026-11-22T10:00:00Z\", \"result\": 87.5}");
        }
        // no waiting: the PUBACK came after the commit, so any read sees it
        JsonNode stored = tenant.client().get("Datastreams(" + datastream + ")/Observations").get("value");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("result").asDouble()).isEqualTo(87.5);
        assertThat(stored.get(0).get("phenomenonTime").asString()).isEqualTo("2026-11-22T10:00:00Z");
    }

    @Test
    void anObservationPublishedToObservationsNamesItsDatastreamInTheBody() throws Exception {
        IngestTenant tenant = newTenant();
        long datastream = tenant.datastream();
        long feature = tenant.feature();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), tenant.client().key())) {
            mqtt.publish(topic(tenant.client(), "Observations"),
                    "{\"result\": 1, \"Datastream\": {\"@iot.id\": " + datastream + "}}");
            mqtt.publish(topic(tenant.client(), "FeaturesOfInterest(" + feature + ")/Observations"),
                    "{\"result\": 2, \"Datastream\": {\"@iot.id\": " + datastream + "}}");
        }
        assertThat(count(tenant.client(), datastream)).isEqualTo(2);
        JsonNode second = tenant.client().get("FeaturesOfInterest(" + feature + ")/Observations").get("value");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("result").asInt()).isEqualTo(2);
    }

    @Test
    void anObservationPublishedAtQos0IsStoredWithoutAcknowledgement() throws Exception {
        IngestTenant tenant = newTenant();
        long datastream = tenant.datastream();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), tenant.client().key())) {
            mqtt.client.publish(topic(tenant.client(), "Datastreams(" + datastream + ")/Observations"),
                    "{\"result\": 7}".getBytes(), 0, false);
            // nothing tells a QoS 0 publisher when it is stored: look until it is
            for (int i = 0; i < 100 && count(tenant.client(), datastream) == 0; i++) {
                Thread.sleep(100);
            }
        }
        assertThat(count(tenant.client(), datastream)).isEqualTo(1);
    }

    @Test
    void anObservationWithANewFeatureOfInterestIsADeepInsert() throws Exception {
        IngestTenant tenant = newTenant();
        long datastream = tenant.datastream();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), tenant.client().key())) {
            mqtt.publish(topic(tenant.client(), "Datastreams(" + datastream + ")/Observations"), """
                    {"result": 3, "FeatureOfInterest": {"name": "Steg", "description": "am Steg",
                     "encodingType": "application/geo+json", "feature": {"type": "Point", "coordinates": [8.1, 49.1]}}}""");
        }
        JsonNode stored = tenant.client().get("Datastreams(" + datastream + ")/Observations?$expand=FeatureOfInterest")
                .get("value");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("FeatureOfInterest").get("name").asString()).isEqualTo("Steg");
    }

    @Test
    void manyPublishesOnOneConnectionAreAllStored() throws Exception {
        IngestTenant tenant = newTenant();
        long datastream = tenant.datastream();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), tenant.client().key())) {
            for (int i = 0; i < 200; i++) {
                mqtt.client.publish(topic(tenant.client(), "Datastreams(" + datastream + ")/Observations"),
                        ("{\"result\": " + i + "}").getBytes(), 1, false);
            }
        }
        assertThat(count(tenant.client(), datastream)).isEqualTo(200);
    }

    @Test
    void aRefusedPublishIsNotStoredAndEndsTheConnection() throws Exception {
        IngestTenant tenant = newTenant();
        long datastream = tenant.datastream();
        IngestTenant other = newTenant();
        long othersDatastream = other.datastream();
        String readKey = keys.create(tenant.id(), "reader", Role.READ).key();
        String path = topic(tenant.client(), "Datastreams(" + datastream + ")/Observations");
        assertRefused(tenant.client().key(), path, "{\"result\": ");
        assertRefused(tenant.client().key(), path, "{\"phenomenonTime\": \"2026-11-22T10:00:00Z\"}");
        assertRefused(tenant.client().key(), path, "[1, 2]");
        assertRefused(tenant.client().key(), topic(tenant.client(), "Datastreams(999999)/Observations"), "{\"result\": 1}");
        assertRefused(tenant.client().key(), topic(tenant.client(), "Datastreams(" + othersDatastream + ")/Observations"),
                "{\"result\": 1}");
        assertRefused(tenant.client().key(), topic(tenant.client(), "Observations"), "{\"result\": 1}");
        assertRefused(tenant.client().key(), topic(tenant.client(), "Things"), "{\"name\": \"x\", \"description\": \"y\"}");
        assertRefused(null, path, "{\"result\": 1}");
        assertRefused(readKey, path, "{\"result\": 1}");
        assertRefused(other.client().key(), path, "{\"result\": 1}");
        assertThat(count(tenant.client(), datastream)).isZero();
        assertThat(count(other.client(), othersDatastream)).isZero();
    }

    private void assertRefused(String key, String topic, String json) throws MqttException {
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), key)) {
            assertThatThrownBy(() -> mqtt.publish(topic, json)).as("%s <- %s", topic, json)
                    .isInstanceOf(MqttException.class);
            assertThat(mqtt.client.isConnected()).isFalse();
        }
    }

    @Test
    void anUnknownKeyIsRefusedAtConnect() {
        assertThatThrownBy(() -> TestMqtt.connect(broker.port(), "gw_not-a-valid-key"))
                .isInstanceOfSatisfying(MqttSecurityException.class, e ->
                        assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.access.CreatedApiKey;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.observations.IngestTenant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT Receive Updates (SensorThings 1.1, 14.2) with a real MQTT client: each kind of topic, $select, payloads equal
 * to what GET returns, tenants kept apart, refused topics.
 */
class MqttSubscribeTest extends MqttTestBase {

    private static final String THING = "{\"name\": \"Pegel\", \"description\": \"Wasserstand\"}";


    /** The message's JSON, which must equal what GET of {@code path} returns. */
    private static void assertMessageIsGet(TestMqtt.Message message, String topic, StaClient client, String path) {
        assertThat(message).as("a message on %s", topic).isNotNull();
        assertThat(message.topic()).isEqualTo(topic);
        assertThat(StaClient.json(message.payload())).isEqualTo(client.get(path));
    }

    @Test
    void theServiceRootNamesTheMqttConformanceClassesAndTheBroker() {
        StaClient client = newTenant().client();
        JsonNode settings = StaClient.json(client.getRaw("").body()).get("serverSettings");
        assertThat(settings.get("conformance").valueStream().map(JsonNode::asString))
                .contains(MqttServerSettings.CREATE, MqttServerSettings.RECEIVE);
        for (String conformanceClass : new String[]{MqttServerSettings.CREATE, MqttServerSettings.RECEIVE}) {
            assertThat(settings.get(conformanceClass).get("endpoints").get(0).asString())
                    .isEqualTo("mqtt://localhost:" + broker.port());
        }
    }

    @Test
    void anEntitySetTopicReceivesCreatedAndUpdatedEntities() throws Exception {
        StaClient client = newTenant().client();
        String topic = topic(client, "Things");
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            assertThat(mqtt.subscribe(topic)).isEqualTo(1);
            long thing = client.create("Things", THING);
            assertMessageIsGet(mqtt.next(), topic, client, "Things(" + thing + ")");
            client.send("PATCH", "Things(" + thing + ")", "{\"description\": \"geändert\"}");
            assertMessageIsGet(mqtt.next(), topic, client, "Things(" + thing + ")");
        }
    }

    @Test
    void anEntityTopicReceivesItsUpdatesOnly() throws Exception {
        StaClient client = newTenant().client();
        long thing = client.create("Things", THING);
        long other = client.create("Things", THING);
        String topic = topic(client, "Things(" + thing + ")");
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            assertThat(mqtt.subscribe(topic)).isEqualTo(1);
            client.send("PATCH", "Things(" + other + ")", "{\"name\": \"anderer\"}");
            client.send("PATCH", "Things(" + thing + ")", "{\"properties\": {\"zuständig\": \"Bauhof\"}}");
            assertMessageIsGet(mqtt.next(), topic, client, "Things(" + thing + ")");
            assertThat(mqtt.nextWithinASecond()).isNull();
        }
    }

    @Test
    void aPropertyTopicReceivesTheNewValueWhenThatPropertyChanges() throws Exception {
        StaClient client = newTenant().client();
        long thing = client.create("Things", THING);
        String topic = topic(client, "Things(" + thing + ")/name");
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            assertThat(mqtt.subscribe(topic)).isEqualTo(1);
            client.send("PATCH", "Things(" + thing + ")", "{\"description\": \"nur die Beschreibung\"}");
            client.send("PATCH", "Things(" + thing + ")", "{\"name\": \"Pegel Nord\"}");
            // the same value again changes nothing, so it is not announced
            client.send("PATCH", "Things(" + thing + ")", "{\"name\": \"Pegel Nord\"}");
            TestMqtt.Message message = mqtt.next();
            assertMessageIsGet(message, topic, client, "Things(" + thing + ")/name");
            assertThat(message.payload()).isEqualTo("{\"name\":\"Pegel Nord\"}");
            assertThat(mqtt.nextWithinASecond()).isNull();
        }
    }

    @Test
    void aNavigationTopicWithSelectReceivesTheSelectedPropertiesOfNewObservationsOfThatDatastream() throws Exception {
        IngestTenant tenant = newTenant();
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        long otherDatastream = tenant.datastream();
        String topic = topic(client, "Datastreams(" + datastream + ")/Observations?$select=result,phenomenonTime");
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            assertThat(mqtt.subscribe(topic)).isEqualTo(1);
            client.create("Datastreams(" + otherDatastream + ")/Observations", "{\"result\": 1}");
            long created = client.create("Datastreams(" + datastream + ")/Observations",
                    "{\"phenomenonTime\": \"2026-11-22T10:00:00Z\", \"result\": 2}");
            TestMqtt.Message message = mqtt.next();
            assertMessageIsGet(message, topic, client, "Observations(" + created + ")?$select=result,phenomenonTime");
            assertThat(StaClient.json(message.payload()).get("result").asInt()).isEqualTo(2);
            // the Data Array extension and MQTT itself announce theirs too
            client.send("POST", "CreateObservations", "[{\"Datastream\": {\"@iot.id\": " + datastream + "},"
                    + " \"components\": [\"result\"], \"dataArray\": [[3], [4]]}]");
            try (TestMqtt publisher = TestMqtt.connect(broker.port(), client.key())) {
                publisher.publish(topic(client, "Datastreams(" + datastream + ")/Observations"), "{\"result\": 5}");
            }
            for (int expected = 3; expected <= 5; expected++) {
                TestMqtt.Message next = mqtt.next();
                assertThat(next).isNotNull();
                assertThat(StaClient.json(next.payload()).get("result").asInt()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aMultiDatastreamsObservationsTopicReceivesWhatIsPublishedToIt() throws Exception {
        IngestTenant tenant = newTenant();
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        JsonNode of = client.get("Datastreams(" + datastream + ")?$expand=Thing,Sensor,ObservedProperty");
        long multi = client.create("MultiDatastreams", """
                {"name": "Wetter", "description": "Temperatur und Feuchte",
                 "unitOfMeasurements": [{"name": "Grad Celsius", "symbol": "°C", "definition": "ucum:Cel"},
                                        {"name": "Prozent", "symbol": "%%", "definition": "ucum:%%"}],
                 "multiObservationDataTypes": [
                   "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"],
                 "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d},
                 "ObservedProperties": [{"@iot.id": %d}, {"name": "Feuchte", "definition": "d", "description": "d"}]}"""
                .formatted(of.get("Thing").get("@iot.id").asLong(), of.get("Sensor").get("@iot.id").asLong(),
                        of.get("ObservedProperty").get("@iot.id").asLong()));
        String topic = topic(client, "MultiDatastreams(" + multi + ")/Observations");
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null);
             TestMqtt publisher = TestMqtt.connect(broker.port(), client.key())) {
            assertThat(mqtt.subscribe(topic)).isEqualTo(1);
            client.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 1}");
            publisher.publish(topic, "{\"result\": [21.5, 80]}");
            TestMqtt.Message message = mqtt.next();
            assertThat(message).isNotNull();
            long created = StaClient.json(message.payload()).get("@iot.id").asLong();
            assertMessageIsGet(message, topic, client, "Observations(" + created + ")");
            assertThat(client.get("Observations(" + created + ")/MultiDatastream").get("@iot.id").asLong()).isEqualTo(multi);
            assertThat(mqtt.nextWithinASecond()).isNull();
        }
    }

    @Test
    void aNavigationTopicReceivesOnlyTheEntitiesOnThatPath() throws Exception {
        IngestTenant tenant = newTenant();
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        long thing = client.get("Datastreams(" + datastream + ")/Thing").get("@iot.id").asLong();
        String topic = topic(client, "Things(" + thing + ")/Datastreams");
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            assertThat(mqtt.subscribe(topic)).isEqualTo(1);
            long elsewhere = tenant.datastream();
            client.send("PATCH", "Datastreams(" + elsewhere + ")", "{\"name\": \"anderswo\"}");
            client.send("PATCH", "Datastreams(" + datastream + ")", "{\"name\": \"hier\"}");
            assertMessageIsGet(mqtt.next(), topic, client, "Datastreams(" + datastream + ")");
            assertThat(mqtt.nextWithinASecond()).isNull();
        }
    }

    @Test
    void aSubscriberOfOneTenantNeverReceivesAnothersChanges() throws Exception {
        StaClient a = newTenant().client();
        StaClient b = newTenant().client();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), b.key())) {
            assertThat(mqtt.subscribe(topic(b, "Things"))).isEqualTo(1);
            a.create("Things", THING);
            long ours = b.create("Things", THING);
            TestMqtt.Message message = mqtt.next();
            assertMessageIsGet(message, topic(b, "Things"), b, "Things(" + ours + ")");
            assertThat(mqtt.nextWithinASecond()).isNull();
        }
    }

    @Test
    void aPrivateTenantsTopicsNeedAKeyOfThatTenant() throws Exception {
        Tenant closed = tenants.create("privat-" + System.nanoTime() % 100000, "Privat", true);
        String readKey = keys.create(closed.id(), "reader", Role.READ).key();
        String othersKey = newTenant().client().key();
        String topic = closed.slug() + "/v1.1/Things";
        try (TestMqtt anonymous = TestMqtt.connect(broker.port(), null);
             TestMqtt stranger = TestMqtt.connect(broker.port(), othersKey);
             TestMqtt reader = TestMqtt.connect(broker.port(), readKey)) {
            assertThat(anonymous.subscribe(topic)).isEqualTo(Subscriptions.FAILURE);
            assertThat(stranger.subscribe(topic)).isEqualTo(Subscriptions.FAILURE);
            assertThat(reader.subscribe(topic)).isEqualTo(1);
        }
    }

    @Test
    void aRevokedKeyReceivesNothingMore() throws Exception {
        Tenant closed = tenants.create("widerruf-" + System.nanoTime() % 100000, "Widerruf", true);
        CreatedApiKey revoked = keys.create(closed.id(), "reader", Role.READ);
        String valid = keys.create(closed.id(), "writer", Role.WRITE).key();
        String topic = closed.slug() + "/v1.1/Things";
        try (TestMqtt stillValid = TestMqtt.connect(broker.port(), valid);
             TestMqtt withRevokedKey = TestMqtt.connect(broker.port(), revoked.key())) {
            assertThat(stillValid.subscribe(topic)).isEqualTo(1);
            assertThat(withRevokedKey.subscribe(topic)).isEqualTo(1);
            keys.revoke(revoked.apiKey().id());
            new TestHttp(port).sendJson("POST", "/" + closed.slug() + "/v1.1/Things", THING, valid);
            assertThat(stillValid.next()).isNotNull();
            assertThat(withRevokedKey.nextWithinASecond()).isNull();
        }
    }

    @Test
    void topicsThatNameNoResourceAreRefused() throws Exception {
        StaClient client = newTenant().client();
        String slug = client.tenant().slug();
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            for (String topic : new String[]{slug + "/v1.1/Things/#", slug + "/v1.1/+", slug + "/v1.0/Things",
                    slug + "/v1.1/Dinge", slug + "/v1.1/Things(1)/nmae", slug + "/v1.1/Things?$filter=name eq 'x'",
                    slug + "/v1.1/Things?$select=nmae", "no-such-tenant/v1.1/Things", slug + "/v1.1/Things(1)/$ref",
                    slug + "/v1.1/Datastreams(999999)/Observations"}) {
                assertThat(mqtt.subscribe(topic)).as(topic).isEqualTo(Subscriptions.FAILURE);
            }
            assertThat(mqtt.client.isConnected()).isTrue();
        }
    }

    @Test
    void anEntityOfTheSameIdInAnotherTenantIsNotAnnounced() throws Exception {
        StaClient a = newTenant().client();
        StaClient b = newTenant().client();
        long thingOfA = a.create("Things", THING);
        JsonNode seenByB = StaClient.json(b.getRaw("Things(" + thingOfA + ")").body());
        assertThat(seenByB.get("status").asInt()).isEqualTo(404);
        try (TestMqtt mqtt = TestMqtt.connect(broker.port(), null)) {
            assertThat(mqtt.subscribe(topic(b, "Things(" + thingOfA + ")"))).isEqualTo(1);
            assertThat(mqtt.subscribe(topic(b, "Things"))).isEqualTo(1);
            a.send("PATCH", "Things(" + thingOfA + ")", "{\"name\": \"nur in A\"}");
            // announced after A's change, so once it is here, A's would have been too
            long ours = b.create("Things", THING);
            assertMessageIsGet(mqtt.next(), topic(b, "Things"), b, "Things(" + ours + ")");
            assertThat(mqtt.nextWithinASecond()).isNull();
        }
    }
}

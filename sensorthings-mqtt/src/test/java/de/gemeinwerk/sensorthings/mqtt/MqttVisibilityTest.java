package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.IngestTenant;
import de.gemeinwerk.sensorthings.visibility.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT subscriptions and private Datastreams and Things: a subscriber without a key of the tenant (none, or another
 * tenant's) cannot subscribe through a hidden entity and gets no message about one (nor about a FeatureOfInterest
 * generated from a hidden Location) — also when it shares a topic with the tenant's own key, and when the entity
 * becomes private after the SUBSCRIBE.
 */
class MqttVisibilityTest extends MqttTestBase {

    @Autowired
    Visibility visibility;

    private static int result(TestMqtt.Message message) {
        assertThat(message).as("a message").isNotNull();
        return StaClient.json(message.payload()).get("result").asInt();
    }

    @Test
    void subscribersWithoutTheRightGetNothingAboutPrivateDatastreams() throws Exception {
        IngestTenant tenant = newTenant();
        StaClient client = tenant.client();
        long open = tenant.datastream();
        long hidden = tenant.datastream();
        visibility.setPublic(client.tenant().id(), EntityType.DATASTREAM, hidden, false);
        String otherTenantsKey = newTenant().client().key();
        try (TestMqtt own = TestMqtt.connect(broker.port(), client.key());
             TestMqtt anonymous = TestMqtt.connect(broker.port(), null);
             TestMqtt other = TestMqtt.connect(broker.port(), otherTenantsKey)) {
            String ofHidden = topic(client, "Datastreams(" + hidden + ")/Observations");
            assertThat(own.subscribe(ofHidden)).isEqualTo(1);
            // the topic exists on the broker now; the others are still refused, as for a missing Datastream
            assertThat(anonymous.subscribe(ofHidden)).isEqualTo(Subscriptions.FAILURE);
            assertThat(other.subscribe(ofHidden)).isEqualTo(Subscriptions.FAILURE);
            String all = topic(client, "Observations");
            for (TestMqtt subscriber : new TestMqtt[] {own, anonymous, other}) {
                assertThat(subscriber.subscribe(all)).isEqualTo(1);
            }
            client.create("Datastreams(" + hidden + ")/Observations", "{\"result\": 901}");
            client.create("Datastreams(" + open + ")/Observations", "{\"result\": 1}");
            assertThat(result(own.next())).isEqualTo(901);
            assertThat(result(own.next())).isEqualTo(901);
            assertThat(result(own.next())).isEqualTo(1);
            for (TestMqtt subscriber : new TestMqtt[] {anonymous, other}) {
                assertThat(result(subscriber.next())).isEqualTo(1);
                assertThat(subscriber.nextWithinASecond()).isNull();
            }
            // an entity topic is granted without looking the entity up, for a missing id as well: so also for a hidden
            // one — which then announces nothing
            String entity = topic(client, "Datastreams(" + hidden + ")");
            assertThat(own.subscribe(entity)).isEqualTo(1);
            assertThat(anonymous.subscribe(entity)).isEqualTo(1);
            assertThat(anonymous.subscribe(topic(client, "Datastreams(" + (hidden + 1000) + ")"))).isEqualTo(1);
            client.send("PATCH", "Datastreams(" + hidden + ")", "{\"description\": \"geheim\"}");
            assertThat(StaClient.json(own.next().payload()).get("description").asString()).isEqualTo("geheim");
            assertThat(anonymous.nextWithinASecond()).isNull();
        }
    }

    @Test
    void aDatastreamThatBecomesPrivateAfterTheSubscribeIsNoLongerAnnounced() throws Exception {
        IngestTenant tenant = newTenant();
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        String topic = topic(client, "Datastreams(" + datastream + ")/Observations");
        try (TestMqtt own = TestMqtt.connect(broker.port(), client.key());
             TestMqtt anonymous = TestMqtt.connect(broker.port(), null)) {
            assertThat(anonymous.subscribe(topic)).isEqualTo(1);
            assertThat(own.subscribe(topic)).isEqualTo(1);
            client.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 1}");
            assertThat(result(anonymous.next())).isEqualTo(1);
            assertThat(result(own.next())).isEqualTo(1);
            visibility.setPublic(client.tenant().id(), EntityType.DATASTREAM, datastream, false);
            client.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 902}");
            assertThat(result(own.next())).isEqualTo(902);
            assertThat(anonymous.nextWithinASecond()).isNull();
            visibility.setPublic(client.tenant().id(), EntityType.DATASTREAM, datastream, true);
            client.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 3}");
            assertThat(result(anonymous.next())).isEqualTo(3);
        }
    }

    @Test
    void aFeatureOfInterestGeneratedFromTheLocationOfAPrivateThingIsNotAnnounced() throws Exception {
        IngestTenant tenant = newTenant();
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        long thing = client.get("Datastreams(" + datastream + ")/Thing").get("@iot.id").asLong();
        visibility.setPublic(client.tenant().id(), EntityType.THING, thing, false);
        String topic = topic(client, "FeaturesOfInterest");
        try (TestMqtt own = TestMqtt.connect(broker.port(), client.key());
             TestMqtt anonymous = TestMqtt.connect(broker.port(), null)) {
            assertThat(own.subscribe(topic)).isEqualTo(1);
            assertThat(anonymous.subscribe(topic)).isEqualTo(1);
            // no FeatureOfInterest given: one is generated from the private Thing's Location "Brücke"
            client.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 901}");
            assertThat(name(own.next())).isEqualTo("Brücke");
            tenant.feature();
            // the generated one came first and was not announced to the public; the created "Ufer" is
            assertThat(name(anonymous.next())).isEqualTo("Ufer");
            assertThat(name(own.next())).isEqualTo("Ufer");
        }
    }

    private static String name(TestMqtt.Message message) {
        assertThat(message).as("a message").isNotNull();
        return StaClient.json(message.payload()).get("name").asString();
    }
}

package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.lorawan.SampleExpectations;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static de.gemeinwerk.lorawan.LorawanClient.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample of {@code testdata/lorawan/} through the real webhook endpoints, and what the SensorThings API then
 * shows: Things, Locations, Datastreams with units and ObservedProperties, Observations with results, times and
 * parameters. The {@code -raw} samples, decoded in Gemeinwerk, give the same results as their decoded twins.
 */
class WebhookSamplesTest extends LorawanTestBase {


    @Test
    void everyChirpStackEventThroughTheWebhook() {
        LorawanClient client = tenantWithTheFourDevices("cs-samples");
        String secret = client.webhookSecret("chirpstack");
        Map<String, String> expected = new LinkedHashMap<>();
        for (String event : List.of("ack", "join", "log", "status", "txack", "location")) {
            expected.put(event, "ignored");
        }
        expected.put("up", "quarantined"); // device 0101010101010101 is not registered
        for (String model : List.of("em500-udl", "em500-udl-raw", "em500-swl", "laq4", "nps405")) {
            expected.put("up-" + model, "stored");
        }

        for (Map.Entry<String, String> sample : expected.entrySet()) {
            String event = sample.getKey().startsWith("up") ? "up" : sample.getKey();
            HttpResponse<String> response = client.webhook("chirpstack?event=" + event,
                    sample("chirpstack-v4/" + sample.getKey() + ".json"), secret);
            assertThat(response.statusCode()).as("%s: %s", sample.getKey(), response.body()).isEqualTo(200);
            assertThat(LorawanClient.json(response.body()).get("outcome").asString()).as(sample.getKey())
                    .isEqualTo(sample.getValue());
        }
        // documented, but posted by no integration: refused as an unknown event
        HttpResponse<String> integration = client.webhook("chirpstack?event=integration",
                sample("chirpstack-v4/integration.json"), secret);
        assertThat(integration.statusCode()).isEqualTo(400);
        assertThat(LorawanClient.json(integration.body()).get("where").asString()).isEqualTo("event");

        SampleExpectations.checkObservations(client, "chirpstack", "ac1f09fffe0a1b2c");
        assertThat(client.admin("GET", "/quarantine", null, 200).get(0).get("devEui").asString())
                .isEqualTo("0101010101010101");
    }

    @Test
    void everyTheThingsStackMessageThroughTheWebhook() {
        LorawanClient client = tenantWithTheFourDevices("tts-samples");
        String secret = client.webhookSecret("the-things-stack");
        Map<String, String> expected = new LinkedHashMap<>();
        for (String message : List.of("join", "mqtt-join", "downlink-ack", "downlink-failed")) {
            expected.put(message, "ignored");
        }
        for (String message : List.of("uplink", "mqtt-uplink")) {
            expected.put(message, "quarantined"); // devices of the documentation, not registered
        }
        for (String model : List.of("em500-udl", "em500-udl-raw", "em500-swl", "laq4", "nps405")) {
            expected.put("uplink-" + model, "stored");
        }

        for (Map.Entry<String, String> sample : expected.entrySet()) {
            // The Things Stack appends a path per message type to the webhook's base URL
            HttpResponse<String> response = client.webhook("the-things-stack/" + sample.getKey(),
                    sample("tts-v3/" + sample.getKey() + ".json"), secret);
            assertThat(response.statusCode()).as("%s: %s", sample.getKey(), response.body()).isEqualTo(200);
            assertThat(LorawanClient.json(response.body()).get("outcome").asString()).as(sample.getKey())
                    .isEqualTo(sample.getValue());
        }
        // not application-up messages (a downlink to send, a capture without end_device_ids, a field-masked uplink)
        for (String refused : List.of("downlink-push", "uplink-webhook-2025", "webhook-filtered-uplink")) {
            HttpResponse<String> response = client.webhook("the-things-stack", sample("tts-v3/" + refused + ".json"),
                    secret);
            assertThat(response.statusCode()).as("%s: %s", refused, response.body()).isEqualTo(400);
            assertThat(LorawanClient.json(response.body()).has("where")).as(refused).isTrue();
        }

        SampleExpectations.checkObservations(client, "the-things-stack", "eui-ac1f09fffe0a1b2c");
        assertThat(client.admin("GET", "/quarantine", null, 200).valueStream().map(d -> d.get("devEui").asString()))
                .containsExactlyInAnyOrder("0004a30b001c0530", "4200000000000000");
    }

    private LorawanClient tenantWithTheFourDevices(String prefix) {
        return SampleExpectations.registerTheFourDevices(newTenant(prefix));
    }
}

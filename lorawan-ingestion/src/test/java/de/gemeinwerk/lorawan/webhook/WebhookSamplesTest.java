package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
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

        checkObservations(client, "chirpstack", "ac1f09fffe0a1b2c");
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

        checkObservations(client, "the-things-stack", "eui-ac1f09fffe0a1b2c");
        assertThat(client.admin("GET", "/quarantine", null, 200).valueStream().map(d -> d.get("devEui").asString()))
                .containsExactlyInAnyOrder("0004a30b001c0530", "4200000000000000");
    }

    private LorawanClient tenantWithTheFourDevices(String prefix) {
        LorawanClient client = newTenant(prefix);
        client.register("24E1247131000001", "Füllstand Bahnhof", "milesight-em500-udl");
        client.register("24e1247132000002", "Pegel Mühlbach", "milesight-em500-swl");
        client.register("a840415f31000003", "Luft Rathaus", "dragino-laq4");
        client.register("70b3d5e75e000004", "Parkplatz Markt 1", "nwave-nps405");
        return client;
    }

    private static void checkObservations(LorawanClient client, String networkServer, String gateway) {
        JsonNode things = client.sta().get("Things?$orderby=name&$expand=Locations,Datastreams($orderby=name;"
                + "$expand=ObservedProperty,Observations($orderby=phenomenonTime))");
        assertThat(LorawanClient.values(things, "name")).containsExactly("Füllstand Bahnhof", "Luft Rathaus",
                "Parkplatz Markt 1", "Pegel Mühlbach");
        for (JsonNode thing : things.get("value")) {
            assertThat(thing.get("Locations").get(0).get("location").get("type").asString()).isEqualTo("Point");
        }

        Map<String, JsonNode> datastreams = new LinkedHashMap<>();
        things.get("value").forEach(thing -> thing.get("Datastreams").forEach(d -> datastreams.put(
                d.get("name").asString(), d)));
        assertThat(datastreams.keySet()).containsExactlyInAnyOrder(
                "Abstand – Füllstand Bahnhof", "Batterie – Füllstand Bahnhof",
                "CO2 – Luft Rathaus", "TVOC – Luft Rathaus", "Lufttemperatur – Luft Rathaus",
                "Luftfeuchte – Luft Rathaus", "Batteriespannung – Luft Rathaus",
                "Belegung – Parkplatz Markt 1", "Meldungsart – Parkplatz Markt 1", "Temperatur – Parkplatz Markt 1",
                "Batteriespannung – Parkplatz Markt 1",
                "Wasserstand – Pegel Mühlbach", "Batterie – Pegel Mühlbach");

        // the decoded uplink and its -raw twin, decoded in Gemeinwerk, ten minutes later: the same results
        assertResults(datastreams, "Abstand – Füllstand Bahnhof", "mm", 30.0, 30.0);
        assertResults(datastreams, "Batterie – Füllstand Bahnhof", "%", 100.0, 100.0);
        assertResults(datastreams, "Wasserstand – Pegel Mühlbach", "cm", 2.0);
        assertResults(datastreams, "Batterie – Pegel Mühlbach", "%", 92.0);
        assertResults(datastreams, "CO2 – Luft Rathaus", "ppm", 523.0);
        assertResults(datastreams, "TVOC – Luft Rathaus", "ppb", 18.0);
        assertResults(datastreams, "Lufttemperatur – Luft Rathaus", "°C", 25.1);
        assertResults(datastreams, "Luftfeuchte – Luft Rathaus", "%", 43.5);
        assertResults(datastreams, "Batteriespannung – Luft Rathaus", "V", 3.335);
        JsonNode occupied = datastreams.get("Belegung – Parkplatz Markt 1").get("Observations");
        assertThat(occupied).hasSize(1);
        assertThat(occupied.get(0).get("result").asBoolean()).isTrue();
        assertThat(datastreams.get("Meldungsart – Parkplatz Markt 1").get("Observations").get(0).get("result")
                .asString()).isEqualTo("parking_status");
        // a parking-status uplink carries no temperature: no Observation, no error
        assertThat(datastreams.get("Temperatur – Parkplatz Markt 1").get("Observations")).isEmpty();

        assertThat(datastreams.get("CO2 – Luft Rathaus").get("ObservedProperty").get("definition").asString())
                .isEqualTo("http://vocab.nerc.ac.uk/collection/P07/current/CFSN0219/");
        assertThat(datastreams.get("Lufttemperatur – Luft Rathaus").get("unitOfMeasurement").get("definition")
                .asString()).isEqualTo("http://unitsofmeasure.org/ucum.html#Cel");
        // one ObservedProperty per definition in the tenant: battery of both Milesight devices
        assertThat(datastreams.get("Batterie – Pegel Mühlbach").get("ObservedProperty").get("@iot.id"))
                .isEqualTo(datastreams.get("Batterie – Füllstand Bahnhof").get("ObservedProperty").get("@iot.id"));

        JsonNode distance = datastreams.get("Abstand – Füllstand Bahnhof").get("Observations");
        assertThat(distance.get(0).get("phenomenonTime").asString()).startsWith("2026-03-12T08:15:41.70");
        assertThat(distance.get(1).get("phenomenonTime").asString()).startsWith("2026-03-12T08:25:41.8");
        assertThat(distance.get(0).get("resultTime")).isEqualTo(distance.get(0).get("phenomenonTime"));
        JsonNode parameters = distance.get(0).get("parameters");
        assertThat(parameters.get("devEui").asString()).isEqualTo("24e1247131000001");
        assertThat(parameters.get("fPort").asInt()).isEqualTo(85);
        assertThat(parameters.get("fCnt").asLong()).isEqualTo(1412);
        assertThat(parameters.get("networkServer").asString()).isEqualTo(networkServer);
        assertThat(parameters.get("gateways").get(0).get("id").asString()).isEqualTo(gateway);
        assertThat(parameters.get("gateways").get(0).has("rssi")).isTrue();
        assertThat(distance.get(1).get("parameters").get("fCnt").asLong()).isEqualTo(1413);
    }

    private static void assertResults(Map<String, JsonNode> datastreams, String name, String symbol,
                                      double... results) {
        JsonNode datastream = datastreams.get(name);
        assertThat(datastream.get("unitOfMeasurement").get("symbol").asString()).as(name).isEqualTo(symbol);
        assertThat(datastream.get("Observations").valueStream().map(o -> o.get("result").asDouble()))
                .as(name).containsExactly(java.util.Arrays.stream(results).boxed().toArray(Double[]::new));
    }
}

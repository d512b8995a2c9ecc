package de.gemeinwerk.lorawan;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The devices of the LoRaWAN samples and what their uplinks must become, whichever way they arrive. */
public final class SampleExpectations {

    /** Observations the stored samples of one network server make (UDL 2 + 2, SWL 2, LAQ4 5, NPS405 2). */
    public static final int OBSERVATIONS = 13;

    private SampleExpectations() {
    }

    /** Registers the four devices of the samples (one of each built-in type) in the client's tenant. */
    public static LorawanClient registerTheFourDevices(LorawanClient client) {
        client.register("24E1247131000001", "Füllstand Bahnhof", "milesight-em500-udl");
        client.register("24e1247132000002", "Pegel Mühlbach", "milesight-em500-swl");
        client.register("a840415f31000003", "Luft Rathaus", "dragino-laq4");
        client.register("70b3d5e75e000004", "Parkplatz Markt 1", "nwave-nps405");
        return client;
    }

    /**
     * What the SensorThings API shows after the samples of one network server arrived (by webhook or MQTT): the four
     * Things, their Datastreams with units and ObservedProperties, and the Observations with results, times and
     * parameters — the {@code -raw} sample, decoded in Gemeinwerk, giving the same results as its decoded twin.
     */
    public static void checkObservations(LorawanClient client, String networkServer, String gateway) {
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

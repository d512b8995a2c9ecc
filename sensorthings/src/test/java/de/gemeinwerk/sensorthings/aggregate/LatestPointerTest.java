package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latest Observation of each Datastream, read from the pointer kept in sta_datastream_extent by {@code $latest}
 * and by the expand {@code Observations($top=1;$orderby=phenomenonTime desc)}, is exactly what the Observations'
 * time index gives — ties on phenomenonTime broken by the higher id — however the Observations come, go, move or
 * change their time; and the expanded collection has a nextLink exactly when there is another Observation.
 */
@SensorThingsTest
class LatestPointerTest {

    /** Not the pointer's pattern (a second key), but the same order: read from the time index, as before. */
    private static final String FROM_THE_INDEX =
            "$expand=Observations($top=1;$orderby=phenomenonTime desc,id desc;$select=id,phenomenonTime,result)";
    private static final String FROM_THE_POINTER =
            "$expand=Observations($top=1;$orderby=phenomenonTime desc;$select=id,phenomenonTime,result)";

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private StaClient sta;
    private ExtensionData data;
    private long thing;
    private long[] datastreams;
    private final Random random = new Random(7);

    @BeforeEach
    void aThingWithFourDatastreams() {
        sta = StaClient.newTenant(port, tenants, keys, "pointer");
        data = new ExtensionData(sta);
        long[] ids = data.thingWithDatastreams(4);
        thing = ids[0];
        datastreams = java.util.Arrays.copyOfRange(ids, 1, ids.length);
    }

    @Test
    void tiesOnTheTimeGoToTheHigherId() throws SQLException {
        long first = data.observe(datastreams[0], "2024-05-01T12:00:00Z", "1");
        long second = data.observe(datastreams[0], "2024-05-01T12:00:00Z", "2");
        data.observe(datastreams[0], "2024-05-01T11:00:00Z", "0");
        assertThat(latestOf(datastreams[0]).get("@iot.id").asLong()).isEqualTo(Math.max(first, second));
        assertSameAsTheIndex();
        sta.send("DELETE", "Observations(" + Math.max(first, second) + ")", null);
        assertThat(latestOf(datastreams[0]).get("@iot.id").asLong()).isEqualTo(Math.min(first, second));
        assertSameAsTheIndex();
    }

    @Test
    void deletesNewTimesAndMovesKeepItExact() throws SQLException {
        List<Long> observations = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            observations.add(data.observe(datastreams[random.nextInt(3)], randomTime(), Integer.toString(i)));
        }
        assertSameAsTheIndex();
        for (int i = 0; i < 30; i++) {
            long id = observations.get(random.nextInt(observations.size()));
            switch (i % 3) {
                case 0 -> {
                    observations.remove(id);
                    assertThat(sta.send("DELETE", "Observations(" + id + ")", null).statusCode()).isEqualTo(200);
                }
                case 1 -> assertThat(sta.send("PATCH", "Observations(" + id + ")", "{\"phenomenonTime\": \""
                        + randomTime() + "\"}").statusCode()).isEqualTo(200);
                default -> assertThat(sta.send("PATCH", "Observations(" + id + ")", "{\"Datastream\": {\"@iot.id\": "
                        + datastreams[random.nextInt(4)] + "}}").statusCode()).isEqualTo(200);
            }
            assertSameAsTheIndex();
        }
    }

    @Test
    void anExpandedLatestObservationHasANextLinkExactlyWhenThereIsAnother() {
        data.observe(datastreams[0], "2024-05-01T12:00:00Z", "1");
        data.observe(datastreams[1], "2024-05-01T12:00:00Z", "1");
        data.observe(datastreams[1], "2024-05-01T10:00:00Z", "1");
        data.observe(datastreams[2], "2024-05-01T12:00:00Z", "1");
        data.observe(datastreams[2], "2024-05-01T12:00:00Z", "2");
        JsonNode expanded = sta.get("Things(" + thing + ")/Datastreams?$orderby=id&" + FROM_THE_POINTER).get("value");
        assertThat(expanded.get(0).has("Observations@iot.nextLink")).as("one Observation").isFalse();
        assertThat(expanded.get(1).has("Observations@iot.nextLink")).as("an earlier one").isTrue();
        assertThat(expanded.get(2).has("Observations@iot.nextLink")).as("another at the same time").isTrue();
        assertThat(expanded.get(3).get("Observations")).as("none").isEmpty();
        assertThat(expanded.get(3).has("Observations@iot.nextLink")).isFalse();
        JsonNode next = sta.follow(expanded.get(2).get("Observations@iot.nextLink").asString());
        assertThat(next.get("value")).hasSize(1);
        assertThat(next.get("value").get(0).get("result").asInt()).isEqualTo(1);
    }

    private JsonNode latestOf(long datastream) {
        return sta.get("Datastreams(" + datastream + ")/$latest").get("value").get(0);
    }

    /** $latest, the pointer's expand and the index's expand agree, and so do the tables. */
    private void assertSameAsTheIndex() throws SQLException {
        String datastreamsOfThing = "Things(" + thing + ")/Datastreams?$orderby=id&";
        List<JsonNode> fromIndex = ExtensionData.latestOfEach(sta.get(datastreamsOfThing + FROM_THE_INDEX));
        assertThat(sta.get("Things(" + thing + ")/Datastreams/$latest?$orderby=id").get("value"))
                .containsExactlyElementsOf(fromIndex);
        assertThat(ExtensionData.latestOfEach(sta.get(datastreamsOfThing + FROM_THE_POINTER)))
                .containsExactlyElementsOf(fromIndex);
        new SummaryTruth(dataSource).assertExact(datastreams);
    }

    /** Few distinct times, so that ties are common. */
    private String randomTime() {
        return "2024-05-01T1" + random.nextInt(4) + ":00:00Z";
    }
}

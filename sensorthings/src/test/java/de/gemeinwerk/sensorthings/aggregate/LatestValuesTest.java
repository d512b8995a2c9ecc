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

import java.util.List;

import static de.gemeinwerk.sensorthings.aggregate.AggregateTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code $latest}: the latest Observation of each Datastream, exactly what the standard $expand gives, compactly. */
@SensorThingsTest
class LatestValuesTest {

    private static final String STANDARD_EXPAND =
            "$expand=Observations($top=1;$orderby=phenomenonTime desc;$select=id,phenomenonTime,result)";

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    private StaClient sta;
    private long station;
    private long temperature;
    private long humidity;
    private long silent;
    private long otherStationsDatastream;
    private long latestTemperature;

    @BeforeEach
    void twoThingsWithObservations() {
        sta = StaClient.newTenant(port, tenants, keys, "latest");
        ExtensionData data = new ExtensionData(sta);
        long[] ids = data.thingWithDatastreams(3);
        station = ids[0];
        temperature = ids[1];
        humidity = ids[2];
        silent = ids[3];
        otherStationsDatastream = data.thingWithDatastreams(1)[1];
        latestTemperature = data.observe(temperature, "2024-05-01T12:00:00Z", "21.5");
        data.observe(temperature, "2024-05-01T11:00:00Z", "20");
        data.observe(humidity, "2024-05-01T10:00:00Z", "\"feucht\"");
        data.observe(humidity, "2024-04-01T10:00:00Z/2024-04-01T11:00:00Z", "40");
        data.observe(otherStationsDatastream, "2024-05-02T00:00:00Z", "3");
    }

    @Test
    void theLatestObservationOfEachDatastreamOfAThing() {
        JsonNode latest = sta.get("Things(" + station + ")/Datastreams/$latest?$orderby=id").get("value");
        assertThat(latest.get(0)).isEqualTo(StaClient.json("""
                {"Datastream@iot.id": %d, "@iot.id": %d, "phenomenonTime": "2024-05-01T12:00:00Z", "result": 21.5}"""
                .formatted(temperature, latestTemperature)));
        assertThat(latest.get(1).get("result").asString()).isEqualTo("feucht");
        assertThat(latest).as("a Datastream without Observations has no latest one").hasSize(2);
        assertThat(latest).containsExactlyElementsOf(standardExpand("Things(" + station + ")/Datastreams?$orderby=id&" + STANDARD_EXPAND));
    }

    @Test
    void theLatestObservationOfFilteredDatastreams() {
        String filter = "$filter=Thing/id eq " + station + " and name ne 'Reihe 0'";
        JsonNode latest = sta.get("Datastreams/$latest?" + filter).get("value");
        assertThat(latest).hasSize(1);
        assertThat(latest.get(0).get("Datastream@iot.id").asLong()).isEqualTo(humidity);
        assertThat(latest).containsExactlyElementsOf(standardExpand("Datastreams?" + filter + "&" + STANDARD_EXPAND));
    }

    @Test
    void theLatestObservationsOfTheTenantArePagedBeyondTheStandardPageSize() {
        JsonNode all = sta.get("Datastreams/$latest");
        assertThat(all.get("value")).hasSize(3);
        assertThat(all.has("@iot.nextLink")).isFalse();
        JsonNode first = sta.get("Datastreams/$latest?$top=2&$orderby=id");
        assertThat(first.get("value")).hasSize(2);
        JsonNode next = sta.follow(first.get("@iot.nextLink").asString());
        assertThat(next.get("value").get(0).get("Datastream@iot.id").asLong()).isEqualTo(otherStationsDatastream);
    }

    @Test
    void oneDatastreamAndOneWithoutObservations() {
        assertThat(sta.get("Datastreams(" + temperature + ")/$latest").get("value").get(0).get("@iot.id").asLong())
                .isEqualTo(latestTemperature);
        assertThat(sta.get("Datastreams(" + silent + ")/$latest").get("value")).isEmpty();
    }

    @Test
    void otherTenantsSeeNothingOfIt() {
        StaClient other = StaClient.newTenant(port, tenants, keys, "latest-other");
        assertThat(other.get("Datastreams/$latest").get("value")).isEmpty();
        assertThat(other.getRaw("Things(" + station + ")/Datastreams/$latest").statusCode()).isEqualTo(404);
    }

    @Test
    void privateTenantsNeedAKey() {
        tenants.update(sta.tenant().slug(), null, true);
        try {
            assertThat(sta.getRaw("Datastreams/$latest").statusCode()).isEqualTo(401);
            assertThat(sta.getWithKey("Datastreams/$latest").statusCode()).isEqualTo(200);
        } finally {
            tenants.update(sta.tenant().slug(), null, false);
        }
    }

    @Test
    void badRequestsNameTheirPlace() {
        assertProblem(sta.getRaw("Things/$latest"), 400, "path");
        assertProblem(sta.getRaw("$latest"), 400, "path");
        assertProblem(sta.getRaw("Datastreams/$latest?$expand=Thing"), 400, "$expand");
        assertProblem(sta.getRaw("Datastreams/$latest?$filter=name eq"), 400, "$filter at position 7");
        assertProblem(sta.send("DELETE", "Datastreams/$latest", ""), 405, "path");
    }

    private List<JsonNode> standardExpand(String path) {
        return ExtensionData.latestOfEach(sta.get(path));
    }
}

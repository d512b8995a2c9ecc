package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.sql.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code $aggregate}: buckets computed by the database, on known data, over HTTP. */
@SensorThingsTest
class AggregateTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private StaClient sta;
    private long thing;
    private long datastream;
    private long otherDatastream;

    @BeforeEach
    void observationsAtKnownTimes() {
        sta = StaClient.newTenant(port, tenants, keys, "aggregate");
        ExtensionData data = new ExtensionData(sta);
        long[] ids = data.thingWithDatastreams(2);
        thing = ids[0];
        datastream = ids[1];
        otherDatastream = ids[2];
        data.observe(datastream, "2024-05-01T00:10:00Z", "1");
        data.observe(datastream, "2024-05-01T00:50:00Z", "3");
        data.observe(datastream, "2024-05-01T02:30:00Z", "10");
        data.observe(datastream, "2024-05-01T02:40:00Z", "\"n/a\"");
        data.observe(datastream, "2024-05-02T12:00:00Z", "6");
        data.observe(datastream, "2024-06-15T00:00:00Z", "100");
        // 23:00 UTC on April 30, although it is May 1 where it was measured
        data.observe(datastream, "2024-05-01T01:00:00+02:00", "7");
        data.observe(otherDatastream, "2024-05-01T00:20:00Z", "40");
    }

    private JsonNode aggregate(String query) {
        return sta.get("Datastreams(" + datastream + ")/Observations/$aggregate?" + query).get("value");
    }

    @Test
    void hourlyBucketsHoldExactValuesAndEmptyHoursAreLeftOut() {
        JsonNode buckets = aggregate("interval=hour&from=2024-05-01T00:00:00Z&to=2024-05-03T00:00:00Z");
        assertThat(buckets).hasSize(3);
        assertThat(buckets.get(0)).isEqualTo(StaClient.json("""
                {"phenomenonTime": "2024-05-01T00:00:00Z/2024-05-01T01:00:00Z",
                 "avg": 2.0, "min": 1.0, "max": 3.0, "sum": 4.0, "count": 2}"""));
        assertThat(buckets.get(1).get("phenomenonTime").asString()).isEqualTo("2024-05-01T02:00:00Z/2024-05-01T03:00:00Z");
        assertThat(buckets.get(1).get("count").asLong()).as("the text result is not counted").isEqualTo(1);
        assertThat(buckets.get(2).get("phenomenonTime").asString()).isEqualTo("2024-05-02T12:00:00Z/2024-05-02T13:00:00Z");
    }

    @Test
    void dailyBucketsAreUtcDays() {
        JsonNode buckets = aggregate("interval=day&functions=sum,count&from=2024-04-01&to=2024-07-01");
        assertThat(buckets).isEqualTo(StaClient.json("""
                [{"phenomenonTime": "2024-04-30T00:00:00Z/2024-05-01T00:00:00Z", "sum": 7.0, "count": 1},
                 {"phenomenonTime": "2024-05-01T00:00:00Z/2024-05-02T00:00:00Z", "sum": 14.0, "count": 3},
                 {"phenomenonTime": "2024-05-02T00:00:00Z/2024-05-03T00:00:00Z", "sum": 6.0, "count": 1},
                 {"phenomenonTime": "2024-06-15T00:00:00Z/2024-06-16T00:00:00Z", "sum": 100.0, "count": 1}]"""));
    }

    @Test
    void weeksStartOnMonday() {
        JsonNode buckets = aggregate("interval=week&functions=sum,count&from=2024-04-01&to=2024-07-01");
        assertThat(buckets).isEqualTo(StaClient.json("""
                [{"phenomenonTime": "2024-04-29T00:00:00Z/2024-05-06T00:00:00Z", "sum": 27.0, "count": 5},
                 {"phenomenonTime": "2024-06-10T00:00:00Z/2024-06-17T00:00:00Z", "sum": 100.0, "count": 1}]"""));
    }

    @Test
    void monthlyBucketsAreCalendarMonths() {
        JsonNode buckets = aggregate("interval=month&functions=avg,min,max,count&from=2024-01-01&to=2025-01-01");
        assertThat(buckets).isEqualTo(StaClient.json("""
                [{"phenomenonTime": "2024-04-01T00:00:00Z/2024-05-01T00:00:00Z", "avg": 7.0, "min": 7.0, "max": 7.0, "count": 1},
                 {"phenomenonTime": "2024-05-01T00:00:00Z/2024-06-01T00:00:00Z", "avg": 5.0, "min": 1.0, "max": 10.0, "count": 4},
                 {"phenomenonTime": "2024-06-01T00:00:00Z/2024-07-01T00:00:00Z", "avg": 100.0, "min": 100.0, "max": 100.0, "count": 1}]"""));
    }

    @Test
    void aFreeIntervalBinsFromMidnight() {
        JsonNode buckets = aggregate("interval=PT30M&functions=max&from=2024-05-01T00:05:00Z&to=2024-05-01T03:00:00Z");
        assertThat(buckets).isEqualTo(StaClient.json("""
                [{"phenomenonTime": "2024-05-01T00:00:00Z/2024-05-01T00:30:00Z", "max": 1.0},
                 {"phenomenonTime": "2024-05-01T00:30:00Z/2024-05-01T01:00:00Z", "max": 3.0},
                 {"phenomenonTime": "2024-05-01T02:30:00Z/2024-05-01T03:00:00Z", "max": 10.0}]"""));
    }

    @Test
    void theRangeIsFromInclusiveToExclusiveInAnyOffset() {
        JsonNode buckets = aggregate("interval=day&functions=count&from=2024-05-01T02:00:00+02:00&to=2024-05-01T02:30:00Z");
        assertThat(buckets).isEqualTo(StaClient.json("""
                [{"phenomenonTime": "2024-05-01T00:00:00Z/2024-05-02T00:00:00Z", "count": 2}]"""));
    }

    @Test
    void bucketsDoNotDependOnTheSessionTimeZone() throws SQLException {
        AggregateParameters months = AggregateParameters.parse(Map.of("interval", "month", "functions", "count",
                "from", "2024-04-01", "to", "2024-07-01"), Instant.now());
        assertThat(bucketsIn("Pacific/Chatham", months)).isEqualTo(bucketsIn("UTC", months))
                .containsExactly("2024-04-01T00:00:00Z 1", "2024-05-01T00:00:00Z 4", "2024-06-01T00:00:00Z 1");
        AggregateParameters days = AggregateParameters.parse(Map.of("interval", "day", "functions", "count",
                "from", "2024-04-01", "to", "2024-07-01"), Instant.now());
        assertThat(bucketsIn("America/St_Johns", days)).isEqualTo(bucketsIn("UTC", days))
                .hasSize(4).startsWith("2024-04-30T00:00:00Z 1");
    }

    private List<String> bucketsIn(String timeZone, AggregateParameters parameters) throws SQLException {
        List<String> buckets = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set time zone '" + timeZone + "'");
            }
            try (PreparedStatement statement = Statements.prepare(connection,
                    AggregateStatement.of(new long[] {datastream}, parameters)); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    buckets.add(Instant.ofEpochSecond(rs.getLong(2)) + " " + rs.getLong(3));
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset time zone");
            }
        }
        return buckets;
    }

    @Test
    void theDatastreamsOfAThingAreAggregatedEachInOneAnswer() {
        JsonNode buckets = sta.get("Things(" + thing + ")/Datastreams/$aggregate?interval=day&functions=count"
                + "&from=2024-05-01&to=2024-05-02").get("value");
        assertThat(buckets).isEqualTo(StaClient.json("""
                [{"Datastream@iot.id": %d, "phenomenonTime": "2024-05-01T00:00:00Z/2024-05-02T00:00:00Z", "count": 3},
                 {"Datastream@iot.id": %d, "phenomenonTime": "2024-05-01T00:00:00Z/2024-05-02T00:00:00Z", "count": 1}]"""
                .formatted(datastream, otherDatastream)));
    }

    @Test
    void filteredDatastreamsArePagedWithANextLink() {
        JsonNode page = sta.get("Datastreams/$aggregate?interval=day&functions=count&from=2024-05-01&to=2024-05-02"
                + "&$filter=Thing/id eq " + thing + "&$orderby=id&$top=1");
        assertThat(page.get("value").get(0).get("Datastream@iot.id").asLong()).isEqualTo(datastream);
        JsonNode next = sta.follow(page.get("@iot.nextLink").asString());
        assertThat(next.get("value").get(0).get("Datastream@iot.id").asLong()).isEqualTo(otherDatastream);
        assertThat(next.has("@iot.nextLink")).isFalse();
    }

    @Test
    void anotherTenantsDatastreamIsNotFound() {
        StaClient other = StaClient.newTenant(port, tenants, keys, "aggregate-other");
        String path = "Datastreams(" + datastream + ")/Observations/$aggregate?interval=day&from=2024-05-01";
        assertThat(other.getRaw(path).statusCode()).isEqualTo(404);
        assertThat(other.get("Datastreams/$aggregate?interval=day&from=2024-05-01").get("value")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "from=2024-05-01                                         | interval",
            "interval=fortnight&from=2024-05-01                      | interval",
            "interval=P1M&from=2024-05-01                            | interval",
            "interval=PT0.5S&from=2024-05-01                         | interval",
            "interval=PT1S&from=2024-01-01&to=2025-01-01             | interval",
            "interval=day&functions=avg,median&from=2024-05-01       | functions",
            "interval=day                                            | from",
            "interval=day&from=2024-05-01T00:00:00                   | from",
            "interval=day&from=2024-05-02&to=2024-05-01              | to",
            "interval=day&from=2024-05-01&$filter=result gt 1        | path",
            "interval=day&from=2024-05-01&$select=avg                | $select",
            "interval=week&from=2024-01-01&to=2300-01-01             | interval",
    })
    void badParametersAre400NamingTheParameter(String query, String where) {
        assertProblem(sta.getRaw("Datastreams(" + datastream + ")/Observations/$aggregate?" + query.strip()), 400,
                where);
    }

    @Test
    void aggregatesNeedObservationsOfADatastreamOrDatastreams() {
        assertProblem(sta.getRaw("Observations/$aggregate?interval=day&from=2024-05-01"), 400, "path");
        assertProblem(sta.getRaw("Things/$aggregate?interval=day&from=2024-05-01"), 400, "path");
    }

    @Test
    void extensionsAreReadOnly() {
        assertProblem(sta.send("POST", "Datastreams(" + datastream + ")/Observations/$aggregate", "{}"), 405, "path");
    }

    static void assertProblem(HttpResponse<String> response, int status, String where) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(StaClient.json(response.body()).get("where").asString()).isEqualTo(where);
    }
}

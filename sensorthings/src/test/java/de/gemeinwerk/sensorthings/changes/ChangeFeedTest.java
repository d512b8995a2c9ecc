package de.gemeinwerk.sensorthings.changes;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.observations.IngestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The change feed against the real triggers: what each write path announces, once committed. */
@SensorThingsTest
class ChangeFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    ChangeFeed feed;
    @Autowired
    DataSource dataSource;

    private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
    private IngestTenant tenant;

    @BeforeEach
    void listen() throws InterruptedException {
        tenant = IngestTenant.create(port, tenants, keys);
        feed.subscribe(batch -> batch.stream().filter(c -> c.tenantId() == tenant.id()).forEach(changes::add));
        // the first consumer starts the LISTEN session; what commits before it listens is not announced
        for (int i = 0; i < 100 && !feed.listening(); i++) {
            Thread.sleep(100);
        }
        assertThat(feed.listening()).isTrue();
    }

    /** The tenant's changes until {@code until} has come (each at most 10 s apart). */
    private List<Change> collect(java.util.function.Predicate<Change> until) throws InterruptedException {
        List<Change> seen = new ArrayList<>();
        while (true) {
            Change next = changes.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a change after %s", seen).isNotNull();
            seen.add(next);
            if (until.test(next)) {
                return seen;
            }
        }
    }

    @Test
    void aDeepInsertAnnouncesEveryEntityItCreated() throws InterruptedException {
        long datastream = tenant.datastream();
        List<Change> seen = collect(c -> c.type() == de.gemeinwerk.sensorthings.model.EntityType.DATASTREAM);
        assertThat(seen).allMatch(c -> c.kind() == Change.Kind.CREATED).extracting(c -> c.type().setName())
                .contains("Things", "Locations", "HistoricalLocations", "Sensors", "ObservedProperties", "Datastreams");
        assertThat(seen.getLast().ids()).containsExactly(datastream);
    }

    @Test
    void anUpdateAnnouncesTheChangedPropertiesAndNothingWhenNothingChanged() throws InterruptedException {
        StaClient client = tenant.client();
        long thing = client.create("Things", "{\"name\": \"a\", \"description\": \"b\"}");
        client.send("PATCH", "Things(" + thing + ")", "{\"name\": \"a\"}");
        client.send("PATCH", "Things(" + thing + ")", "{\"name\": \"c\", \"description\": \"b\"}");
        List<Change> seen = collect(c -> c.kind() == Change.Kind.UPDATED);
        assertThat(seen).hasSize(2);
        assertThat(seen.getLast().ids()).containsExactly(thing);
        assertThat(seen.getLast().properties()).extracting(p -> p.name()).containsExactly("name");
    }

    @Test
    void observationsOfEveryPathAreAnnouncedWithTheirDatastream() throws InterruptedException {
        long datastream = tenant.datastream();
        StaClient client = tenant.client();
        long single = client.create("Datastreams(" + datastream + ")/Observations", "{\"result\": 1}");
        client.send("POST", "CreateObservations", "[{\"Datastream\": {\"@iot.id\": " + datastream + "},"
                + " \"components\": [\"result\"], \"dataArray\": [[2], [3], [4]]}]");
        Set<Long> announced = new TreeSet<>();
        for (Change change : collect(c -> c.type().setName().equals("Observations") && c.ids().length == 3)) {
            if (change.datastreamId() != null) {
                assertThat(change.datastreamId()).isEqualTo(datastream);
                java.util.Arrays.stream(change.ids()).forEach(announced::add);
            }
        }
        assertThat(announced).hasSize(4).contains(single);
    }

    @Test
    void aBrokenListenSessionIsOpenedAgain() throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int terminated = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where query = 'listen " + ChangeNotifications.CHANNEL + "'", Integer.class);
        assertThat(terminated).isEqualTo(1);
        // the feed notices at once and waits a second before it opens a new session
        for (int i = 0; i < 500 && feed.listening(); i++) {
            Thread.sleep(10);
        }
        assertThat(feed.listening()).isFalse();
        for (int i = 0; i < 100 && !feed.listening(); i++) {
            Thread.sleep(100);
        }
        // what is committed before the feed listens again is lost (documented); what comes after arrives
        long created = tenant.client().create("Things", "{\"name\": \"wieder da\", \"description\": \"b\"}");
        List<Change> seen = collect(c -> c.ids()[0] == created);
        assertThat(seen.getLast().type().setName()).isEqualTo("Things");
    }

    @Test
    void thousandsOfScatteredIdsAreSplitIntoNotificationsThatFit() throws InterruptedException {
        long datastream = tenant.datastream();
        long feature = tenant.feature();
        // every other id: no ranges, so the id list is far beyond one notification's 8000 bytes
        new JdbcTemplate(dataSource).update("insert into sta_observation (id, datastream_id, feature_of_interest_id,"
                + " phenomenon_time_start, result_type, result_number) select 100000000 + 2 * g, ?, ?, now(), 0, g"
                + " from generate_series(1, 3000) g", datastream, feature);
        Set<Long> announced = new TreeSet<>();
        while (announced.size() < 3000) {
            Change change = changes.poll(10, TimeUnit.SECONDS);
            assertThat(change).as("announced so far: %d", announced.size()).isNotNull();
            if (change.datastreamId() != null) {
                java.util.Arrays.stream(change.ids()).forEach(announced::add);
            }
        }
        assertThat(announced).hasSize(3000).contains(100000002L, 100006000L);
    }
}

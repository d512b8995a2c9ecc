package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.CommandOutput;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.admin.AdminCommand;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Stored retention policies over HTTP, applied by the job (run directly), and the admin commands. */
@SensorThingsTest
class RetentionPolicyTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    ObservationRetention retention;
    @Autowired
    RetentionPolicies policies;
    @Autowired
    RetentionJob job;

    private final CommandOutput output = new CommandOutput();

    private RetentionFixture fixture() {
        return RetentionFixture.create(StaClient.newTenant(port, tenants, keys, "policy"));
    }

    private static HttpResponse<String> send(StaClient client, String method, String path, String body) {
        return client.http().sendJson(method, "/" + client.tenant().slug() + "/admin/v1" + path, body, client.key());
    }

    private static String daysAgo(double days) {
        return Instant.now().minus(Duration.ofMinutes((long) (days * 24 * 60))).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void theJobKeepsEachDatastreamsDaysAndTheTenantsDefault() throws Exception {
        RetentionFixture fixture = fixture();
        StaClient client = fixture.client();
        List<Long> ids = fixture.datastreams();
        for (long datastream : ids) {
            fixture.observations(datastream, daysAgo(10), daysAgo(3), daysAgo(0.5));
        }
        fixture.multiObservations(daysAgo(10), daysAgo(6), daysAgo(3), daysAgo(0.5));

        assertThat(send(client, "PUT", "/retention-policy", "{\"keepDays\": 5}").statusCode()).isEqualTo(200);
        assertThat(send(client, "PUT", "/retention-policy/datastreams/" + ids.get(1), "{\"keepDays\": null}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> policy = send(client, "PUT", "/retention-policy/datastreams/" + ids.get(2), "{\"keepDays\": 1}");
        assertThat(StaClient.json(policy.body())).isEqualTo(StaClient.json("""
                {"keepDays": 5, "datastreams": [{"datastream": %d, "keepDays": null}, {"datastream": %d, "keepDays": 1}]}"""
                .formatted(ids.get(1), ids.get(2))));
        assertThat(StaClient.json(send(client, "GET", "/retention-policy", null).body()))
                .isEqualTo(StaClient.json(policy.body()));

        List<ObservationRetention.Deletion> deleted = job.apply();

        // other tests' tenants may have policies too: look at this tenant's Datastreams and MultiDatastream only
        assertThat(deleted).flatMap(ObservationRetention.Deletion::datastreams).contains(
                new ObservationRetention.DatastreamDeletion(ids.get(0), 1),
                new ObservationRetention.DatastreamDeletion(ids.get(2), 2));
        assertThat(deleted).flatMap(ObservationRetention.Deletion::datastreams)
                .extracting(ObservationRetention.DatastreamDeletion::datastream).doesNotContain(ids.get(1));
        // the MultiDatastream follows the tenant's default
        assertThat(deleted).flatMap(ObservationRetention.Deletion::multiDatastreams)
                .contains(new ObservationRetention.MultiDatastreamDeletion(fixture.multiDatastream(), 2));
        assertThat(fixture.count(ids.get(0))).isEqualTo(2);
        assertThat(fixture.count(ids.get(1))).isEqualTo(3);
        assertThat(fixture.count(ids.get(2))).isEqualTo(1);
        assertThat(fixture.multiCount()).isEqualTo(2);

        // without its own policy, the Datastream follows the default again
        assertThat(send(client, "DELETE", "/retention-policy/datastreams/" + ids.get(1), null).statusCode()).isEqualTo(200);
        job.apply();
        assertThat(fixture.count(ids.get(1))).isEqualTo(2);
    }

    @Test
    void policiesAreTheTenantsOwn() {
        RetentionFixture fixture = fixture();
        RetentionFixture neighbour = fixture();
        StaClient client = fixture.client();
        long foreign = neighbour.datastreams().get(0);
        String prefix = "/" + client.tenant().slug() + "/admin/v1/retention-policy";

        assertThat(assertProblem(send(client, "PUT", "/retention-policy/datastreams/" + foreign, "{\"keepDays\": 1}"), 404,
                prefix + "/datastreams/" + foreign).get("where").asString()).isEqualTo("datastream");
        assertThat(assertProblem(send(client, "PUT", "/retention-policy", "{\"keepDays\": 0}"), 400, prefix)
                .get("where").asString()).isEqualTo("keepDays");
        assertProblem(send(client, "PUT", "/retention-policy", "{\"days\": 3}"), 400, prefix);
        assertProblem(send(client.withKey(neighbour.client().key()), "GET", "/retention-policy", null), 403, prefix);
        assertThat(policies.get(neighbour.client().tenant().id())).isEqualTo(new RetentionPolicies.Policy(null, List.of()));
    }

    @Test
    void adminCommandsDeleteAndKeepPolicies() {
        RetentionFixture fixture = fixture();
        String slug = fixture.client().tenant().slug();
        long datastream = fixture.datastreams().get(0);
        fixture.observations(datastream, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", "2026-01-01T00:00:00Z");
        RetentionCommands commands = new RetentionCommands(tenants, retention, policies, job);

        assertThat(execute(commands, "observations", "delete", slug, "2025-06-01", String.valueOf(datastream))).isZero();
        assertThat(out()).isEqualTo("Datastream " + datastream + ": deleted 2\n"
                + "Deleted 2 Observations older than 2025-06-01T00:00:00Z\n");
        assertThat(fixture.count(datastream)).isEqualTo(1);

        long multi = fixture.multiDatastream();
        fixture.multiObservations("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        assertThat(execute(commands, "observations", "delete", slug, "2025-06-01", "--multi-datastream",
                String.valueOf(multi))).isZero();
        assertThat(out()).isEqualTo("MultiDatastream " + multi + ": deleted 1\n"
                + "Deleted 1 Observations older than 2025-06-01T00:00:00Z\n");
        assertThat(fixture.multiCount()).isEqualTo(1);
        assertThat(execute(commands, "observations", "delete", slug, "2025-06-01", "--multi", "1")).isEqualTo(2);

        assertThat(execute(commands, "retention", "set", slug, "400")).isZero();
        assertThat(execute(commands, "retention", "set", slug, "forever", String.valueOf(datastream))).isZero();
        assertThat(execute(commands, "retention", "show", slug)).isZero();
        assertThat(out()).isEqualTo("default\t400 days\nDatastream " + datastream + "\tforever\n");
        assertThat(execute(commands, "retention", "unset", slug, String.valueOf(datastream))).isZero();
        assertThat(out()).isEqualTo("default\t400 days\n");

        assertThat(execute(commands, "observations", "delete", slug, "morgen")).isEqualTo(1);
        assertThat(err()).contains("olderThan 'morgen' is not an ISO 8601 time");
        assertThat(execute(commands, "retention", "set", slug)).isEqualTo(2);
        assertThat(err()).contains("retention set <tenant-slug> <days|forever> [<datastream-id>]");
    }

    /** The real entry point with the server's module list, on a database of its own. */
    @Test
    void theEntryPointKnowsTheRetentionCommands() {
        int exit = AdminCommand.run(new String[]{"admin", "retention", "apply",
                "--gemeinwerk.database.embedded.temporary=true"}, output.outStream(), output.errStream(), RetentionAdminModule.class);

        assertThat(exit).as(err()).isZero();
    }

    private int execute(RetentionCommands commands, String... command) {
        output.reset();
        return commands.handles(List.of(command))
                ? commands.execute(List.of(command), output.outStream(), output.errStream()) : -1;
    }

    private String out() {
        return output.out();
    }

    private String err() {
        return output.err();
    }
}

package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;

import static de.gemeinwerk.lorawan.LorawanClient.sample;
import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that does not answer — here really: the deduplication table locked by another transaction, so the
 * ingest transaction hangs until its network timeout ends it — is a 503 with Retry-After, never a 2xx; and since
 * nothing was committed, the network server's retry is stored, not taken for a duplicate.
 */
class DatabaseUnavailableTest extends LorawanTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void anUplinkThatCannotBeCommittedIs503AndItsRetryIsStored() throws Exception {
        LorawanClient client = newTenant("db-down");
        String secret = client.webhookSecret("chirpstack");
        client.register("a840415f31000003", "Luft Rathaus", "dragino-laq4");
        byte[] up = sample("chirpstack-v4/up-laq4.json");

        HttpResponse<String> refused;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table lorawan_dedup_key in access exclusive mode");
            }
            refused = client.webhook("chirpstack?event=up", up, secret);
            blocker.rollback();
        }

        assertProblem(refused, 503, "/" + client.slug() + "/lorawan/v1/chirpstack");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt()).isZero();
        HttpResponse<String> retried = client.webhook("chirpstack?event=up", up, secret);
        assertThat(retried.body()).isEqualTo("{\"outcome\":\"stored\"}");
        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt()).isEqualTo(5);
    }
}

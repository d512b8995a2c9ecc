package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.LorawanTest;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full queue refuses at once with 503 instead of queueing without bound; what was queued is stored once the
 * database answers again. The writer is held up for real: its table is locked by another transaction.
 */
@LorawanTest
class UplinkWriterOverloadTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Tenants tenants;

    @Test
    void aFullQueueIs503AndTheQueuedUplinksAreStoredLater() throws Exception {
        long tenant = tenants.create("overload-" + System.nanoTime() % 100000, "Overload", false).id();
        try (UplinkWriter writer = new UplinkWriter(dataSource, 1, 2, 1, Duration.ofSeconds(30));
             Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table lorawan_dedup_key in access exclusive mode");
            }
            // the writer takes the first and waits for the lock; the queue (2) fills; then one is refused at once
            List<CompletableFuture<IngestOutcome>> accepted = new ArrayList<>();
            CompletableFuture<IngestOutcome> outcome;
            while (!(outcome = writer.enqueue(kept(tenant, "u" + accepted.size()))).isCompletedExceptionally()) {
                accepted.add(outcome);
                assertThat(accepted).hasSizeLessThanOrEqualTo(3);
            }

            assertThatThrownBy(outcome::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(2).noneMatch(CompletableFuture::isDone);
            blocker.rollback();
            assertThat(accepted.stream().map(CompletableFuture::join)).containsOnly(IngestOutcome.QUARANTINED);
        }
    }

    private static PendingUplink kept(long tenant, String key) {
        return PendingUplink.quarantined(tenant, new Uplink(NetworkServer.CHIRPSTACK, "0101010101010101", null,
                Instant.parse("2026-03-12T10:00:00Z"), null, null, null, null, key, List.of(), null), null);
    }
}

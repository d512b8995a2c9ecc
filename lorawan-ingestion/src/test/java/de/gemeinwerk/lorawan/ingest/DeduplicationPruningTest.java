package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.LorawanTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Deduplication keys older than the window (7 days) are forgotten; younger ones stay. */
class DeduplicationPruningTest extends LorawanTestBase {

    @Autowired
    DeduplicationPruning pruning;
    @Autowired
    JdbcClient jdbc;

    @Test
    void keysOlderThanTheWindowArePruned() {
        long tenant = tenants.create("pruning-" + System.nanoTime() % 100000, "Pruning", false).id();
        for (String age : List.of("8 days", "6 days", "1 minute")) {
            jdbc.sql("insert into lorawan_dedup_key (tenant_id, dev_eui, dedup_key, received_at)"
                            + " values (:tenant, '0101010101010101', :age, now() - cast(:age as interval))")
                    .param("tenant", tenant).param("age", age).update();
        }

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select dedup_key from lorawan_dedup_key where tenant_id = :tenant order by dedup_key")
                .param("tenant", tenant).query(String.class).list()).containsExactly("1 minute", "6 days");
    }
}

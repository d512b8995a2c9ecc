package de.gemeinwerk.lorawan.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Wires LoRaWAN ingest. Settings: {@code gemeinwerk.lorawan.ingest.writers} (threads writing groups, 2: while one
 * group's transaction waits for its commit or for the network, the next one is already being stored — with one, the
 * database worked on uplinks only ~75 % of the time; see docs/BENCHMARKS.md run 13), {@code …queue-capacity} (uplinks that may wait, 20000; beyond,
 * receivers answer 503), {@code …max-group} (uplinks per transaction, 1000), {@code …timeout-millis} (how long a
 * group's transaction may take, and a receiver waits for its outcome, 10000).
 */
@Configuration
public class IngestConfiguration {

    @Bean(destroyMethod = "close")
    UplinkWriter uplinkWriter(DataSource dataSource,
                              @Value("${gemeinwerk.lorawan.ingest.writers:2}") int writers,
                              @Value("${gemeinwerk.lorawan.ingest.queue-capacity:20000}") int queueCapacity,
                              @Value("${gemeinwerk.lorawan.ingest.max-group:1000}") int maxGroup,
                              @Value("${gemeinwerk.lorawan.ingest.timeout-millis:10000}") long timeoutMillis) {
        return new UplinkWriter(dataSource, writers, queueCapacity, maxGroup, Duration.ofMillis(timeoutMillis));
    }
}

package de.gemeinwerk.lorawan.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Forgets deduplication keys older than {@code gemeinwerk.lorawan.deduplication-window} (7 days): network servers
 * retry for minutes, so an older key only costs space. Runs hourly; with several instances each deletes what is left.
 */
@Component
public class DeduplicationPruning {

    private static final Logger log = LoggerFactory.getLogger(DeduplicationPruning.class);

    private final JdbcClient jdbc;
    private final Duration window;

    public DeduplicationPruning(JdbcClient jdbc,
                                @Value("${gemeinwerk.lorawan.deduplication-window:7d}") Duration window) {
        this.jdbc = jdbc;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${gemeinwerk.lorawan.deduplication-prune-interval-millis:3600000}",
            initialDelayString = "${gemeinwerk.lorawan.deduplication-prune-initial-delay-millis:60000}")
    public void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("pruning LoRaWAN deduplication keys failed; will retry: {}", e.getMessage());
        }
    }

    /** Deletes the keys older than the window; returns how many. */
    public int prune() {
        return jdbc.sql("delete from lorawan_dedup_key where received_at < now() - make_interval(secs => :seconds)")
                .param("seconds", (double) window.toSeconds()).update();
    }
}

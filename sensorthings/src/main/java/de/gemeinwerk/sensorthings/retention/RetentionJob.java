package de.gemeinwerk.sensorthings.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the retention policies ({@link RetentionPolicies}) regularly ({@code gemeinwerk.sensorthings.retention.
 * interval-millis}, hourly): each Datastream with a number of days to keep, and each MultiDatastream of a tenant with
 * a default, loses its Observations older than that, chunk by chunk like any deletion. Several instances may run it at the same time; a row is deleted once, and the
 * counts follow exactly what was deleted.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionPolicies policies;
    private final ObservationRetention retention;
    private final Clock clock;

    public RetentionJob(RetentionPolicies policies, ObservationRetention retention) {
        this.policies = policies;
        this.retention = retention;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${gemeinwerk.sensorthings.retention.interval-millis:3600000}",
            initialDelayString = "${gemeinwerk.sensorthings.retention.initial-delay-millis:60000}")
    public void scheduled() {
        try {
            apply();
        } catch (SQLException | RuntimeException e) {
            log.warn("applying the retention policies failed; will retry: {}", e.getMessage());
        }
    }

    /** Applies every policy now; returns what was deleted, one deletion per Datastream or MultiDatastream due. */
    public List<ObservationRetention.Deletion> apply() throws SQLException {
        Instant now = clock.instant();
        List<ObservationRetention.Deletion> deleted = new ArrayList<>();
        for (RetentionPolicies.Due due : policies.due()) {
            deleted.add(retention.delete(List.of(due.parent()), now.minus(Duration.ofDays(due.keepDays())),
                    ObservationPurge.Progress.NONE));
        }
        return deleted;
    }
}

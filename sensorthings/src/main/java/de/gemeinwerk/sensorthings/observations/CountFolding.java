package de.gemeinwerk.sensorthings.observations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Folds the Observation count deltas regularly ({@code gemeinwerk.sensorthings.count-fold-millis}, 10 s),
 * so a count sums about one row per Datastream. Several instances may fold at the same time: each deletes
 * and re-adds only the rows it saw, so nothing is counted twice.
 */
@Component
public class CountFolding {

    private static final Logger log = LoggerFactory.getLogger(CountFolding.class);

    private final DataSource dataSource;

    public CountFolding(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelayString = "${gemeinwerk.sensorthings.count-fold-millis:10000}")
    public void fold() {
        try (Connection connection = dataSource.getConnection()) {
            ObservationCounts.fold(connection);
        } catch (SQLException e) {
            log.warn("folding observation counts failed; will retry: {}", e.getMessage());
        }
    }
}

package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.observations.ObservationBatcher;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.GeoFilterEvaluator;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the SensorThings module. Settings: {@code gemeinwerk.sensorthings.default-top} (page size
 * without $top, 100) and {@code gemeinwerk.sensorthings.max-top} (larger $top values are capped and
 * answered with a nextLink, 10000) and {@code gemeinwerk.sensorthings.count-budget-millis} (how long an exact
 * $count may take before PostgreSQL's estimate is given instead, marked as such; 2000). Ingest of single Observations ({@link ObservationLane}):
 * {@code gemeinwerk.sensorthings.ingest.writers} (threads writing batches, 1),
 * {@code gemeinwerk.sensorthings.ingest.max-batch} (Observations per statement, 1000) and
 * {@code gemeinwerk.sensorthings.ingest.timeout-millis} (the longest an Observation waits to be queued for a
 * batch, and a batch's statement may take, 30000).
 */
@Configuration
@EnableScheduling
public class SensorThingsConfiguration {

    @Bean
    EntityReader entityReader(@Value("${gemeinwerk.sensorthings.default-top:100}") int defaultTop,
                              @Value("${gemeinwerk.sensorthings.max-top:10000}") int maxTop,
                              @Value("${gemeinwerk.sensorthings.count-budget-millis:2000}") long countBudgetMillis) {
        return new EntityReader(new GeoFilterEvaluator(), new EntityReader.PageSize(defaultTop, maxTop, countBudgetMillis));
    }

    @Bean
    PathResolver pathResolver(EntityReader reader) {
        return new PathResolver(reader);
    }

    @Bean
    EntityWriter entityWriter() {
        return new EntityWriter(Clock.systemUTC());
    }

    @Bean
    ObservationBatcher observationBatcher(DataSource dataSource,
                                          @Value("${gemeinwerk.sensorthings.ingest.writers:1}") int writers,
                                          @Value("${gemeinwerk.sensorthings.ingest.max-batch:1000}") int maxBatch,
                                          @Value("${gemeinwerk.sensorthings.ingest.timeout-millis:30000}") long timeout) {
        return new ObservationBatcher(dataSource, writers, maxBatch, Duration.ofMillis(timeout));
    }

    /**
     * Spring would take any multipart/* request for a form upload and read its body as such; a multipart batch
     * ({@code multipart/mixed}) is read by {@link BatchEndpoint} instead. Strict servlet compliance leaves
     * form uploads ({@code multipart/form-data}) as they are.
     */
    @Bean
    MultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setStrictServletCompliance(true);
        return resolver;
    }

    @Bean
    ObservationLane observationLane(ObservationBatcher batcher) {
        return new ObservationLane(batcher, Clock.systemUTC());
    }
}

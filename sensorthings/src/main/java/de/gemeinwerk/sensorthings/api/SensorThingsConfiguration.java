package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.GeoFilterEvaluator;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * Wires the SensorThings module. Settings: {@code gemeinwerk.sensorthings.default-top} (page size
 * without $top, 100) and {@code gemeinwerk.sensorthings.max-top} (larger $top values are capped and
 * answered with a nextLink, 10000).
 */
@Configuration
@EnableScheduling
public class SensorThingsConfiguration {

    @Bean
    EntityReader entityReader(@Value("${gemeinwerk.sensorthings.default-top:100}") int defaultTop,
                              @Value("${gemeinwerk.sensorthings.max-top:10000}") int maxTop) {
        return new EntityReader(new GeoFilterEvaluator(), new EntityReader.PageSize(defaultTop, maxTop));
    }

    @Bean
    PathResolver pathResolver(EntityReader reader) {
        return new PathResolver(reader);
    }

    @Bean
    EntityWriter entityWriter() {
        return new EntityWriter(Clock.systemUTC());
    }
}

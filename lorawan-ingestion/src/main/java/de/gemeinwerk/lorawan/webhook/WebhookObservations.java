package de.gemeinwerk.lorawan.webhook;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves webhook posts out of the {@code http.server.requests} observations (metrics). Spring Boot's observation filter
 * runs before {@link WebhookEndpoint} and, measured with JFR, cost a seventh of a webhook request's CPU; a network
 * server posts thousands of uplinks a second, each already logged in one line with its duration, and ingest is
 * monitored by its outcome (stored, duplicate, 503).
 */
@Configuration
class WebhookObservations {

    @Bean
    ObservationPredicate notForWebhookPosts() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier() != null && WebhookPath.of(request.getCarrier().getRequestURI()) != null);
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.sensorthings.api.ServerSettingsContribution;
import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.changes.ChangeFeed;
import de.gemeinwerk.sensorthings.observations.ObservationBatcher;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.visibility.ReadScopes;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Wires the SensorThings MQTT extension. Settings: {@code gemeinwerk.mqtt.enabled} (true),
 * {@code gemeinwerk.mqtt.port} (1883; 0 = any free port), {@code gemeinwerk.mqtt.host} (the address to listen on;
 * by default HTTP's {@code server.address}, else all interfaces). Messages may be as large as HTTP bodies
 * ({@code gemeinwerk.sensorthings.max-body-bytes}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gemeinwerk.mqtt.enabled", havingValue = "true", matchIfMissing = true)
public class MqttConfiguration {

    /** Blocking work of the sessions (storing, resolving subscriptions): a virtual thread each. */
    @Bean(destroyMethod = "close")
    ExecutorService mqttWork() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    Subscriptions mqttSubscriptions(TenantAccess access, ReadScopes scopes, PathResolver resolver,
                                    DataSource dataSource) {
        return new Subscriptions(access, scopes, resolver, new Transactions(dataSource));
    }

    @Bean
    MqttBroker mqttBroker(TenantAccess access, ApiKeys keys, ObservationBatcher batcher, PathResolver resolver,
                          EntityWriter writer, DataSource dataSource, JsonMapper json,
                          Subscriptions subscriptions, ExecutorService mqttWork,
                          @Value("${gemeinwerk.mqtt.host:${server.address:}}") String host,
                          @Value("${gemeinwerk.mqtt.port:1883}") int port,
                          @Value("${gemeinwerk.sensorthings.max-body-bytes:16777216}") int maxMessageBytes,
                          @Value("${gemeinwerk.sensorthings.ingest.timeout-millis:30000}") long timeout) {
        ObservationIngest ingest = new ObservationIngest(access, batcher,
                new ObservationIngest.Deep(resolver, writer, new Transactions(dataSource)), json, mqttWork,
                Clock.systemUTC(), Duration.ofMillis(timeout));
        return new MqttBroker(host, port, maxMessageBytes,
                new MqttSession.Services(keys, ingest, subscriptions, mqttWork, new ConcurrentHashMap<>()));
    }

    @Bean
    NotificationDispatcher mqttNotifications(Subscriptions subscriptions, DataSource dataSource, JsonMapper json,
                                             ChangeFeed feed, Environment environment) {
        NotificationDispatcher dispatcher = new NotificationDispatcher(subscriptions, new Transactions(dataSource), json,
                serviceRoot(environment));
        feed.subscribe(dispatcher);
        return dispatcher;
    }

    /**
     * Self links in messages as in HTTP responses: under {@code gemeinwerk.public-url} when set; otherwise (there is
     * no request to take the host from) under http://localhost and the HTTP port.
     */
    private static Function<String, String> serviceRoot(Environment environment) {
        return slug -> {
            String base = environment.getProperty("gemeinwerk.public-url", "");
            if (base.isBlank()) {
                base = "http://localhost:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080"));
            }
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + slug + "/" + StaTopic.VERSION;
        };
    }

    @Bean
    ServerSettingsContribution mqttServerSettings(MqttBroker broker) {
        return new MqttServerSettings(broker);
    }

    /** {@code mqtt} on /actuator/health: DOWN when the broker could not bind its port. */
    @Bean
    HealthIndicator mqttHealthIndicator(MqttBroker broker, ChangeFeed feed) {
        return () -> {
            String failure = broker.failure();
            Health.Builder health = failure != null ? Health.down().withDetail("error", failure)
                    : broker.port() < 0 ? Health.outOfService() : Health.up().withDetail("port", broker.port());
            return health.withDetail("changeFeed", feed.listening() ? "listening" : "connecting").build();
        };
    }
}

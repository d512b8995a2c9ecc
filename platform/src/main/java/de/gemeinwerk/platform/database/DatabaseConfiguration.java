package de.gemeinwerk.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one DataSource of the application: a HikariCP pool on the external PostgreSQL named by
 * {@code gemeinwerk.database.url}, or, when that is not set, on an embedded PostgreSQL whose data lives in
 * {@code ${gemeinwerk.data-dir:./data}/postgres}. Flyway (Spring Boot's auto-configuration) migrates it at start with
 * the scripts of every module under {@code classpath:db/migration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    static final String URL_PROPERTY = "gemeinwerk.database.url";

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalDatabase.class)
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties,
                                                  @Value("${gemeinwerk.data-dir:./data}") Path dataDir) {
        return properties.embedded().temporary()
                ? EmbeddedPostgresServer.startTemporary()
                : EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
    }

    /** Depends on the embedded server (when there is one), so the pool is closed before the server stops. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, Optional<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gemeinwerk");
        config.setMaximumPoolSize(properties.poolSize());
        if (embedded.isPresent()) {
            config.setJdbcUrl(embedded.get().jdbcUrl());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
        }
    }
}

package de.gemeinwerk.server;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemeinwerk on an external PostgreSQL given only by URL, user and password (here a separately started
 * PostgreSQL server standing in for the production database): the schema is migrated at start and the API
 * works on it.
 */
class ExternalDatabaseTest {

    @Test
    void migratesAndServesAnExternalDatabaseNamedByConfiguration() throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.startTemporary();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(GemeinwerkApplication.class).run(
                     "--server.port=0", "--gemeinwerk.database.url=" + external.jdbcUrl(),
                     "--gemeinwerk.database.username=postgres", "--gemeinwerk.database.password=",
                     "--gemeinwerk.demo.enabled=true", "--gemeinwerk.data-dir=target/external-test-data")) {
            int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
            assertThat(new TestHttp(port).get("/musterstadt/v1.1/Things", null).statusCode()).isEqualTo(200);
            try (Connection connection = DriverManager.getConnection(external.jdbcUrl(), "postgres", "");
                 ResultSet rs = connection.createStatement().executeQuery(
                         "select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
            }
        }
    }
}

package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writer tests against the real embedded PostgreSQL (platform + this module's migration). Each test gets two
 * fresh tenants, A (where it writes) and B (whose data must stay out of A's reach).
 */
@SpringBootTest(classes = WriterTestBase.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "gemeinwerk.database.embedded.temporary=true")
abstract class WriterTestBase {

    /** Platform only; nested in a test class, so other application classes' component scans leave it out. */
    @SpringBootApplication(scanBasePackages = "de.gemeinwerk.platform")
    static class App {
    }

    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Autowired
    DataSource dataSource;
    @Autowired
    Tenants tenants;

    final EntityWriter writer = new EntityWriter(Clock.fixed(NOW, ZoneOffset.UTC));
    long tenantA;
    long tenantB;

    @BeforeEach
    void createTenants() {
        tenantA = newTenant();
        tenantB = newTenant();
    }

    long newTenant() {
        String slug = "w-" + UUID.randomUUID().toString().substring(0, 12);
        return tenants.create(slug, "Writer test " + slug, false).id();
    }

    interface InTransaction<T> {
        T run(Connection connection) throws Exception;
    }

    /** Runs in one committed transaction; rolls back and rethrows on failure. */
    <T> T tx(InTransaction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    long create(long tenant, Target target, String body) {
        return tx(c -> writer.create(c, tenant, target, json(body))).id();
    }

    long create(EntityType type, String body) {
        return create(tenantA, Target.collection(type), body);
    }

    /** A Thing with one Location, a Sensor, an ObservedProperty and a Datastream, in tenant A; returns the Datastream. */
    long datastream(long tenant) {
        long thing = create(tenant, Target.collection(EntityType.THING), """
                {"name": "Pegel", "description": "Wasserstand",
                 "Locations": [{"name": "Brücke", "description": "an der Brücke", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [8.5, 49.5]}}]}""");
        return create(tenant, Target.collection(EntityType.DATASTREAM), """
                {"name": "Wasserstand", "description": "cm", "observationType": "%s",
                 "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                 "Thing": {"@iot.id": %d},
                 "Sensor": {"name": "Radar", "description": "Radarpegel", "encodingType": "text/html", "metadata": "x"},
                 "ObservedProperty": {"name": "Wasserstand", "definition": "http://example.org/wl", "description": "Pegel"}}
                """.formatted(MEASUREMENT, thing));
    }

    static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

    static Target navigation(EntityType parent, long parentId, String navigation) {
        return Target.navigation(parent, parentId, parent.navigation(navigation).orElseThrow(), null);
    }

    static Target navigation(EntityType parent, long parentId, String navigation, long id) {
        return Target.navigation(parent, parentId, parent.navigation(navigation).orElseThrow(), id);
    }

    /** The first column of every row, as Objects (Long, String, ...). */
    List<Object> column(String sql, Object... params) {
        return tx(c -> {
            List<Object> values = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        values.add(rs.getObject(1));
                    }
                }
            }
            return values;
        });
    }

    long count(String sql, Object... params) {
        return ((Number) column(sql, params).getFirst()).longValue();
    }

    long observationCount(long datastreamId) {
        return count("select coalesce(sum(observation_count), 0) from sta_datastream_extent where datastream_id = ?", datastreamId);
    }

    static void assertError(ThrowingCallable call, HttpStatus status, String where, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.where()).as(e.getMessage()).isEqualTo(where);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    static void assertBadRequest(ThrowingCallable call, String where, String messagePart) {
        assertError(call, HttpStatus.BAD_REQUEST, where, messagePart);
    }

    static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).as(e.getMessage()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}

package de.gemeinwerk.server.demo;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.CreatedApiKey;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * On the first start, before the web server accepts requests, creates the demo municipality "musterstadt" with a handful of Things, Locations and
 * Datastreams and three days of Observations, all through the same writer the API uses, so the first look
 * is not empty. Its admin API key is written to {@code <data-dir>/demo-api-key} (readable by the owner only)
 * and never shown again; its console account is {@link DemoConsoleAccount}'s.
 */
@Component
@ConditionalOnProperty(name = "gemeinwerk.demo.enabled", havingValue = "true")
public class DemoMunicipality implements SmartInitializingSingleton {

    public static final String SLUG = "musterstadt";
    /** In the data dir: the demo municipality's admin API key. */
    public static final String KEY_FILE = "demo-api-key";
    private static final Duration HISTORY = Duration.ofDays(3);
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(DemoMunicipality.class);

    private final Tenants tenants;
    private final ApiKeys apiKeys;
    private final EntityWriter writer;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final Path dataDir;
    private final DemoConsoleAccount consoleAccount;

    public DemoMunicipality(Tenants tenants, ApiKeys apiKeys, EntityWriter writer, DataSource dataSource, JsonMapper json,
                            @Value("${gemeinwerk.data-dir:./data}") Path dataDir, DemoConsoleAccount consoleAccount) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.writer = writer;
        this.dataSource = dataSource;
        this.json = json;
        this.dataDir = dataDir;
        this.consoleAccount = consoleAccount;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (tenants.find(SLUG).isEmpty()) {
            try {
                create();
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the demo municipality", e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not write the demo API key", e);
            }
        }
        consoleAccount.ensure(tenants.require(SLUG));
    }

    private void create() throws SQLException, IOException {
        Tenant tenant = tenants.create(SLUG, "Musterstadt", false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (DemoFleet.Sensor sensor : DemoFleet.SENSORS) {
                long thingId = writer.create(connection, tenant.id(), Target.collection(EntityType.THING), thing(sensor)).id();
                for (DemoFleet.Stream stream : sensor.streams()) {
                    long datastreamId = datastreamId(connection, thingId, stream.name());
                    addObservations(connection, tenant.id(), datastreamId, stream, now);
                }
            }
            connection.commit();
        }
        CreatedApiKey key = apiKeys.create(tenant.id(), "Demo-Administration", Role.ADMIN);
        Path keyFile = writeKey(key.key());
        log.info("Demo municipality '{}' created with {} Things; its admin API key is in {}", SLUG,
                DemoFleet.SENSORS.size(), keyFile.toAbsolutePath());
    }

    private ObjectNode thing(DemoFleet.Sensor sensor) {
        ObjectNode thing = json.createObjectNode().put("name", sensor.thing()).put("description", sensor.description());
        thing.putObject("properties").put("municipality", "Musterstadt").put("demo", true);
        ObjectNode location = thing.putArray("Locations").addObject().put("name", sensor.thing())
                .put("description", "Standort: " + sensor.description()).put("encodingType", "application/geo+json");
        location.putObject("location").put("type", "Point").putArray("coordinates").add(sensor.lon()).add(sensor.lat());
        ArrayNode datastreams = thing.putArray("Datastreams");
        for (DemoFleet.Stream stream : sensor.streams()) {
            ObjectNode datastream = datastreams.addObject().put("name", stream.name())
                    .put("description", stream.property() + " – " + sensor.description())
                    .put("observationType", stream.observationType());
            datastream.putObject("unitOfMeasurement").put("name", stream.unit()).put("symbol", stream.symbol())
                    .put("definition", "https://ucum.org/ucum#" + stream.symbol());
            datastream.putObject("Sensor").put("name", sensor.sensorName()).put("description", sensor.sensorName())
                    .put("encodingType", "text/html").put("metadata", sensor.sensorMetadata());
            datastream.putObject("ObservedProperty").put("name", stream.property()).put("definition", stream.definition())
                    .put("description", stream.property());
        }
        return thing;
    }

    private static long datastreamId(Connection connection, long thingId, String name) throws SQLException {
        try (var statement = connection.prepareStatement("select id from sta_datastream where thing_id = ? and name = ?")) {
            statement.setLong(1, thingId);
            statement.setString(2, name);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void addObservations(Connection connection, long tenantId, long datastreamId, DemoFleet.Stream stream,
                                 Instant now) {
        Random random = new Random(datastreamId);
        Target target = Target.collection(EntityType.OBSERVATION);
        for (Instant t = now.minus(HISTORY); !t.isAfter(now); t = t.plus(STEP)) {
            double hour = t.atZone(ZoneId.of("Europe/Berlin")).getHour() + t.atZone(ZoneId.of("Europe/Berlin")).getMinute() / 60.0;
            double value = stream.valueAtHourOfDay().applyAsDouble(hour) + random.nextGaussian() * stream.noise();
            ObjectNode observation = json.createObjectNode().put("phenomenonTime", t.toString());
            if (stream.observationType().equals(DemoFleet.COUNT)) {
                observation.put("result", Math.max(0, Math.round(value)));
            } else {
                observation.put("result", Math.round(value * 10) / 10.0);
            }
            observation.putObject("Datastream").put("@iot.id", datastreamId);
            writer.create(connection, tenantId, target, observation);
        }
    }

    private Path writeKey(String key) throws IOException {
        return OwnerOnlyFile.write(dataDir.resolve(KEY_FILE), key + System.lineSeparator());
    }
}

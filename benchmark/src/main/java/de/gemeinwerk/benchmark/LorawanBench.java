package de.gemeinwerk.benchmark;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.server.demo.lorawan.LorawanAdminClient;
import de.gemeinwerk.server.demo.lorawan.WebhookFormat;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The LoRaWAN rows: uplinks of registered devices posted to the webhooks as ChirpStack and The Things Stack post them
 * (half each, every body a new message, built before the clock starts), by several keep-alive clients on loopback, on
 * a tenant of its own. After each run the database is asked which uplinks have Observations: every uplink acknowledged
 * as stored must have them (no lost data). Runs: uplinks with the network server's decoded object; raw uplinks, which
 * Gemeinwerk decodes with the device type's JavaScript decoder; a duplicate storm, every uplink posted twice at once.
 */
final class LorawanBench {

    static final int DEVICES = 2_000;
    private static final int UPLINKS = 60_000;
    private static final int MAX_SECONDS = 30;
    private static final int WARM_UP_UPLINKS = 30_000;

    private LorawanBench() {}

    static void run(BenchmarkSettings settings, ConfigurableApplicationContext server, int port, ResultTable table)
            throws Exception {
        Tenant tenant = server.getBean(Tenants.class).create("lorawan-" + System.currentTimeMillis() / 1000,
                "LoRaWAN-Benchmark", false);
        String key = server.getBean(ApiKeys.class).create(tenant.id(), "benchmark", Role.ADMIN).key();
        LorawanAdminClient admin = new LorawanAdminClient("http://127.0.0.1:" + port, tenant.slug(), key);
        Map<WebhookFormat, String> secrets = new EnumMap<>(WebhookFormat.class);
        for (WebhookFormat format : WebhookFormat.values()) {
            secrets.put(format, admin.createWebhook("Benchmark " + format.networkServer(), format).secret());
        }
        System.out.printf("registering %,d LoRaWAN devices ...%n", DEVICES);
        LorawanUplinks uplinks = LorawanUplinks.register(admin, DEVICES, tenant.slug(), secrets);
        UplinkDriver driver = new UplinkDriver(port, settings.webhookConnections());
        StoredUplinks stored = new StoredUplinks(server.getBean(DataSource.class), tenant.id());
        CpuUse cpu = new CpuUse(settings.dataDir().resolve("postgres"));
        // unmeasured: every device's first uplink creates its Thing and Datastreams; then the JIT compiles the path
        driver.post(uplinks.next(DEVICES, true, false), MAX_SECONDS);
        driver.post(uplinks.next(WARM_UP_UPLINKS, true, false), MAX_SECONDS);
        stored.since();
        String setting = String.format("%,d devices of the 4 built-in types, ChirpStack + TTS JSON, %d connections",
                DEVICES, settings.webhookConnections());
        add(table, "LoRaWAN webhook ingest, decoded uplinks (" + setting + ")", ">= 5,000 uplinks/s, 0 lost", 5_000,
                Measured.post(driver, cpu, uplinks.next(UPLINKS, true, false)), stored.since(), false);
        driver.post(uplinks.next(WARM_UP_UPLINKS / 10, false, false), MAX_SECONDS);
        stored.since();
        add(table, "LoRaWAN webhook ingest, JavaScript decoding (raw uplinks, " + setting + ")",
                ">= 1,000 uplinks/s, 0 lost", 1_000, Measured.post(driver, cpu, uplinks.next(UPLINKS, false, false)),
                stored.since(), false);
        add(table, "LoRaWAN webhook ingest, duplicate storm (decoded, each uplink posted twice at once, " + setting + ")",
                "one copy stored, one duplicate, 0 lost", 0,
                Measured.post(driver, cpu, uplinks.next(UPLINKS / 2, true, true)), stored.since(), true);
    }

    /** A run's answers and the CPU time it cost: the JVM (server and client) and PostgreSQL. */
    private record Measured(UplinkDriver.Result result, CpuUse.Sample cpu) {

        static Measured post(UplinkDriver driver, CpuUse cpu, List<LorawanUplinks.Request> requests) throws IOException {
            System.out.printf("measuring %,d requests ...%n", requests.size());
            CpuUse.Sample before = cpu.now();
            UplinkDriver.Result result = driver.post(requests, MAX_SECONDS);
            return new Measured(result, cpu.now().minus(before));
        }

        /** CPU seconds per 10,000 answered uplinks: the server's part of the JVM, PostgreSQL, the client. */
        String describe() {
            double per = 10_000.0 / Math.max(1, result.stored() + result.duplicates() + result.other()) / 1e9;
            return String.format("CPU per 10,000 uplinks: server JVM %.2f s, PostgreSQL %.2f s, client %.2f s",
                    (cpu.jvmNanos() - result.clientCpuNanos()) * per, cpu.postgresNanos() * per,
                    result.clientCpuNanos() * per);
        }
    }

    private static void add(ResultTable table, String scenario, String target, double minPerSecond, Measured measured,
                            StoredUplinks.Counts stored, boolean storm) {
        UplinkDriver.Result result = measured.result();
        // acknowledged as stored, but without Observations in the database
        long lost = result.stored() - stored.uplinks();
        boolean met = result.perSecond() >= minPerSecond && lost == 0 && result.other() == 0
                && (!storm || result.duplicates() == result.stored());
        table.add(scenario, String.format("%.0f uplinks/s (%,d stored, %,d duplicate, %,d other; %,d Observations; %d lost;"
                        + " %,d answers 503 retried; %s; %s)", result.perSecond(), result.stored(), result.duplicates(),
                result.other(), stored.observations(), lost, result.retried(), result.latencies().describe(),
                measured.describe()), target, met);
    }

    /** The tenant's uplinks that have Observations, and the Observations, counted in the database. */
    private static final class StoredUplinks {

        record Counts(long uplinks, long observations) {}

        private final DataSource dataSource;
        private final long tenantId;
        private Counts last = new Counts(0, 0);

        StoredUplinks(DataSource dataSource, long tenantId) {
            this.dataSource = dataSource;
            this.tenantId = tenantId;
        }

        /** What was added since the last call. An uplink is its device and frame counter (Observation parameters). */
        Counts since() throws SQLException {
            try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                    "select count(distinct (o.parameters ->> 'devEui', o.parameters ->> 'fCnt')), count(*)"
                            + " from sta_observation o join sta_datastream d on d.id = o.datastream_id"
                            + " where d.tenant_id = ?")) {
                statement.setLong(1, tenantId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    Counts now = new Counts(rs.getLong(1), rs.getLong(2));
                    Counts added = new Counts(now.uplinks() - last.uplinks(), now.observations() - last.observations());
                    last = now;
                    return added;
                }
            }
        }
    }
}

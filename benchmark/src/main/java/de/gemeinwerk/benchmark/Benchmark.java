package de.gemeinwerk.benchmark;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.mqtt.MqttBroker;
import de.gemeinwerk.server.GemeinwerkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

/**
 * The benchmark command ({@code ./gemeinwerk bench}): starts Gemeinwerk on its own embedded database,
 * loads Observations, measures the SensorThings API over real HTTP on loopback and prints a table.
 * A second run with the same settings and data dir reuses the loaded data.
 */
public final class Benchmark {

    static final String TENANT = "bench";
    private static final int WARM_UP_SECONDS = 10;
    // a CSV download of 100,000 rows takes about a second; 20 of them (after the warm-up) are enough for a median
    private static final int CSV_SAMPLES = 20;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.parse(args);
        Files.createDirectories(settings.dataDir());
        System.out.println("Gemeinwerk benchmark — " + MachineInfo.describe());
        System.out.println("settings: " + settings);
        try (ConfigurableApplicationContext server = start(settings)) {
            int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
            ResultTable table = new ResultTable();
            if (settings.only().equals(BenchmarkSettings.ALL)) {
                Fixture fixture = fixture(server, settings, port);
                vacuum(server.getBean(DataSource.class));
                run(settings, fixture, table);
                DataArrayBench.run(settings, fixture, server.getBean(DataSource.class), table);
                MqttBench.run(settings, fixture, server.getBean(MqttBroker.class).port(), server.getBean(DataSource.class),
                        table);
                // the ingest rows above stored ~2 M Observations, past autovacuum's insert threshold (20 % of the table)
                vacuum(server.getBean(DataSource.class));
            }
            LorawanBench.run(settings, server, port, table);
            System.out.println();
            System.out.println("Machine: " + MachineInfo.describe() + ", " + LocalDate.now());
            System.out.println(table.markdown());
        }
        System.exit(0);
    }

    private static void run(BenchmarkSettings settings, Fixture fixture, ResultTable table) throws InterruptedException {
        HttpDriver http = fixture.http();
        long big = fixture.datastreams()[0];
        Latencies latest = http.time("Datastreams(" + big + ")/Observations?$orderby=phenomenonTime%20desc&$top=1000",
                settings.samples());
        table.add("Datastreams(id)/Observations?$orderby=phenomenonTime desc&$top=1000, " + millions(settings.big())
                + " in that Datastream", latest.describe(), "p50 <= 5 ms", latest.percentileMillis(50) <= 5);
        // a citizen's download of what a Datastream shows: 100,000 values as CSV in one request
        Latencies csv = http.time("Datastreams(" + big + ")/Observations?$resultFormat=CSV&$select=phenomenonTime,result"
                + "&$orderby=phenomenonTime%20desc&$top=100000", CSV_SAMPLES);
        table.add("Datastreams(id)/Observations?$resultFormat=CSV&$select=phenomenonTime,result&$top=100000, "
                + millions(settings.big()) + " in that Datastream", csv.describe(), "p50 <= 2,000 ms",
                csv.percentileMillis(50) <= 2000);
        Latencies expand = http.time("Datastreams?$top=100&$expand=Observations($top=1;$orderby=phenomenonTime%20desc)",
                settings.samples());
        table.add("Datastreams?$top=100&$expand=Observations($top=1;$orderby=phenomenonTime desc), "
                + millions(settings.observations()) + " in total", expand.describe(), "p50 <= 5 ms",
                expand.percentileMillis(50) <= 5);
        extensionRows(settings, fixture, table);
        Latencies count = http.time("Observations?$count=true&$top=1", settings.samples());
        table.add("Observations?$count=true&$top=1, " + millions(settings.observations()) + " in total", count.describe(),
                "p50 <= 100 ms", count.percentileMillis(50) <= 100);
        long[] writers = java.util.Arrays.copyOfRange(fixture.datastreams(), 1, fixture.datastreams().length);
        for (String prefer : List.of("return=representation", "return=minimal")) {
            // Unmeasured: lets the JIT compile the write path first, as it is in a server that has been running.
            http.ingest(writers, settings.clients(), WARM_UP_SECONDS, prefer);
            HttpDriver.IngestResult ingest = http.ingest(writers, settings.clients(), settings.seconds(), prefer);
            table.add(String.format("single-POST Observation ingest, %d clients, %d s, Prefer: %s", settings.clients(),
                    settings.seconds(), prefer), String.format("%.0f obs/s (%d acknowledged; %s)", ingest.perSecond(),
                    ingest.total(), ingest.latencies().describe()), ">= 3,000 obs/s", ingest.perSecond() >= 3000);
        }
    }

    /** $aggregate over the spare Datastream's year (its phenomenonTime is that year) and $latest of 10,000 Datastreams. */
    private static void extensionRows(BenchmarkSettings settings, Fixture fixture, ResultTable table) {
        HttpDriver http = fixture.http();
        String year = http.send("GET", "Datastreams(" + fixture.extensions().yearDatastream() + ")/phenomenonTime/$value",
                null).body();
        String[] range = year.split("/");
        Latencies daily = http.time("Datastreams(" + fixture.extensions().yearDatastream() + ")/Observations/$aggregate"
                + "?interval=day&functions=avg&from=" + range[0] + "&to=" + java.time.Instant.parse(range[1]).plusSeconds(1),
                settings.samples());
        table.add("Datastreams(id)/Observations/$aggregate?interval=day&functions=avg, one year of 1-minute data ("
                + millions(ExtensionBenchData.MINUTES_OF_A_YEAR) + " rows)", daily.describe(), "p50 <= 50 ms",
                daily.percentileMillis(50) <= 50);
        Latencies latest = http.time("Things(" + fixture.extensions().manyDatastreamsThing() + ")/Datastreams/$latest",
                settings.samples());
        table.add("Things(id)/Datastreams/$latest, latest value of " + millions(ExtensionBenchData.DATASTREAMS)
                + " Datastreams", latest.describe(), "p50 <= 50 ms", latest.percentileMillis(50) <= 50);
    }

    private static String millions(long n) {
        return n >= 1_000_000 ? String.format("%.1fM", n / 1e6) : String.format("%,d", n);
    }

    private static ConfigurableApplicationContext start(BenchmarkSettings settings) {
        // As command-line arguments: they override application.yml (builder "properties" would not).
        return new SpringApplicationBuilder(GemeinwerkApplication.class).run(
                "--server.port=0",
                "--gemeinwerk.data-dir=" + settings.dataDir().toAbsolutePath(),
                "--gemeinwerk.demo.enabled=false",
                "--gemeinwerk.sensorthings.max-top=10000",
                "--gemeinwerk.mqtt.port=0",
                "--gemeinwerk.mqtt.host=127.0.0.1",
                // One log line per request would measure the console, not the server.
                "--logging.level.root=WARN");
    }

    /** The benchmark tenant's Datastreams and key: created and loaded on the first run, read from disk later. */
    record Fixture(HttpDriver http, long[] datastreams, ExtensionBenchData.Ids extensions) {}

    private static Fixture fixture(ConfigurableApplicationContext server, BenchmarkSettings settings, int port)
            throws Exception {
        Path state = settings.dataDir().resolve("bench-fixture.properties");
        String root = "http://127.0.0.1:" + port + "/" + TENANT + "/v1.1/";
        Properties saved = new Properties();
        if (Files.exists(state)) {
            try (var in = Files.newInputStream(state)) {
                saved.load(in);
            }
            if (saved.getProperty("settings", "").equals(dataKey(settings))) {
                long[] ids = java.util.Arrays.stream(saved.getProperty("datastreams").split(",")).mapToLong(Long::parseLong)
                        .toArray();
                System.out.println("reusing the loaded data in " + settings.dataDir());
                ExtensionBenchData.Ids extensions = new ExtensionBenchData.Ids(
                        Long.parseLong(saved.getProperty("year-datastream")),
                        Long.parseLong(saved.getProperty("many-datastreams-thing")));
                return new Fixture(new HttpDriver(root, saved.getProperty("key")), ids, extensions);
            }
            throw new IllegalStateException(settings.dataDir() + " holds data of other settings; delete it or choose"
                    + " another --data-dir");
        }
        Tenants tenants = server.getBean(Tenants.class);
        Tenant tenant = tenants.create(TENANT, "Benchmark", false);
        String key = server.getBean(ApiKeys.class).create(tenant.id(), "benchmark", Role.ADMIN).key();
        HttpDriver http = new HttpDriver(root, key);
        long[] ids = createDatastreams(http, settings.datastreams());
        long feature = http.create("FeaturesOfInterest", "{\"name\":\"Messpunkt\",\"description\":\"Benchmark\","
                + "\"encodingType\":\"application/geo+json\",\"feature\":{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}}");
        System.out.printf("loading %,d observations ...%n", settings.observations());
        double seconds = BenchData.load(server.getBean(DataSource.class), ids, feature, settings.observations(),
                settings.big());
        System.out.printf("loaded in %.0f s (%,.0f rows/s with COPY, all indexes in place)%n", seconds,
                settings.observations() / seconds);
        System.out.printf("loading a year of 1-minute data and %,d Datastreams for the extensions ...%n",
                ExtensionBenchData.DATASTREAMS);
        ExtensionBenchData.Ids extensions = ExtensionBenchData.load(server.getBean(DataSource.class), ids[0], feature);
        saved.setProperty("settings", dataKey(settings));
        saved.setProperty("key", key);
        saved.setProperty("datastreams", String.join(",", java.util.Arrays.stream(ids).mapToObj(Long::toString).toList()));
        saved.setProperty("year-datastream", Long.toString(extensions.yearDatastream()));
        saved.setProperty("many-datastreams-thing", Long.toString(extensions.manyDatastreamsThing()));
        try (var out = Files.newOutputStream(state)) {
            saved.store(out, "benchmark fixture");
        }
        return new Fixture(http, ids, extensions);
    }

    /**
     * Vacuums and analyses the whole database before a group of rows is measured, so that no row pays for what earlier
     * rows or runs wrote: reused data holds earlier runs' ingest rows, a fresh load leaves tables autovacuum has not
     * visited yet, and the ingest rows store ~2 M Observations before the LoRaWAN rows; autovacuum would get to them at
     * some moment during the next rows (runs 11–12 measured reads 1.5–3 ms slower while it did). So each row measures
     * the server as in an installation whose autovacuum has caught up — its own writes' vacuum it still pays.
     */
    private static void vacuum(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("vacuum (analyze)");
        }
    }

    private static String dataKey(BenchmarkSettings settings) {
        // "extensions": data dirs loaded before the extension rows existed lack their data
        return settings.observations() + "/" + settings.big() + "/" + settings.datastreams() + "/extensions";
    }

    private static long[] createDatastreams(HttpDriver http, int count) throws IOException {
        long thing = http.create("Things", "{\"name\":\"Messnetz\",\"description\":\"Benchmark\",\"Locations\":[{\"name\":"
                + "\"Ort\",\"description\":\"Benchmark\",\"encodingType\":\"application/geo+json\",\"location\":"
                + "{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}}]}");
        long sensor = http.create("Sensors", "{\"name\":\"Sensor\",\"description\":\"Benchmark\",\"encodingType\":"
                + "\"text/html\",\"metadata\":\"https://example.org\"}");
        long property = http.create("ObservedProperties", "{\"name\":\"Temperatur\",\"definition\":"
                + "\"https://www.wikidata.org/wiki/Q11466\",\"description\":\"Lufttemperatur\"}");
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = http.create("Datastreams", "{\"name\":\"Reihe " + i + "\",\"description\":\"Benchmark\","
                    + "\"observationType\":\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\","
                    + "\"unitOfMeasurement\":{\"name\":\"Grad Celsius\",\"symbol\":\"Cel\",\"definition\":\"https://ucum.org\"},"
                    + "\"Thing\":{\"@iot.id\":" + thing + "},\"Sensor\":{\"@iot.id\":" + sensor + "},"
                    + "\"ObservedProperty\":{\"@iot.id\":" + property + "}}");
        }
        return ids;
    }
}

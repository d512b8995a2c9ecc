package de.gemeinwerk.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line settings of the benchmark, {@code --name=value}:
 * observations (total loaded, default 10,000,000), big (of these in one Datastream, 1,000,000),
 * datastreams (100), clients (8 concurrent single-POST writers), seconds (ingest duration, 20),
 * samples (timed runs per query, 200), webhook-connections (keep-alive connections posting LoRaWAN uplinks, 128: a
 * network server posts its uplinks concurrently, and the group commit stores all that wait at once), data-dir (its
 * own embedded database, benchmark/target/bench-data, relative to the directory the command runs in: the launcher runs it in the repository root), only (which rows: {@code all},
 * or {@code lorawan} for the LoRaWAN webhook rows alone, which need none of the loaded data).
 */
record BenchmarkSettings(long observations, long big, int datastreams, int clients, int seconds, int samples,
                         int webhookConnections, Path dataDir, String only) {

    static final String ALL = "all";
    static final String LORAWAN = "lorawan";

    static BenchmarkSettings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --observations=1000000, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        BenchmarkSettings settings = new BenchmarkSettings(
                Long.parseLong(values.getOrDefault("observations", "10000000")),
                Long.parseLong(values.getOrDefault("big", "1000000")),
                Integer.parseInt(values.getOrDefault("datastreams", "100")),
                Integer.parseInt(values.getOrDefault("clients", "8")),
                Integer.parseInt(values.getOrDefault("seconds", "20")),
                Integer.parseInt(values.getOrDefault("samples", "200")),
                Integer.parseInt(values.getOrDefault("webhook-connections", "128")),
                Path.of(values.getOrDefault("data-dir", "benchmark/target/bench-data")),
                values.getOrDefault("only", ALL));
        if (settings.big > settings.observations || settings.datastreams < 2) {
            throw new IllegalArgumentException("need big <= observations and at least 2 datastreams");
        }
        if (!settings.only.equals(ALL) && !settings.only.equals(LORAWAN)) {
            throw new IllegalArgumentException("--only is " + ALL + " or " + LORAWAN + ", got " + settings.only);
        }
        return settings;
    }
}

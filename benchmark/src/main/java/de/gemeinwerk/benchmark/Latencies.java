package de.gemeinwerk.benchmark;

import java.util.Arrays;

/** Percentiles of measured durations in nanoseconds. */
record Latencies(long[] nanos) {

    Latencies {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    double percentileMillis(double p) {
        int index = (int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1);
        return nanos[Math.max(0, index)] / 1e6;
    }

    String describe() {
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (n=%d)", percentileMillis(50), percentileMillis(95),
                percentileMillis(99), nanos.length);
    }
}

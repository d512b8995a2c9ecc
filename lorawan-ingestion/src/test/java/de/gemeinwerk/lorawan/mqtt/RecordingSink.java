package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.ingest.IngestOutcome;
import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.lorawan.uplink.Uplink;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link UplinkSink} that keeps what it stores, in memory, with the ingest's contract: the future completes on
 * another thread (as after a commit), an uplink whose (tenant, devEui, deduplication key) came before is a
 * {@code DUPLICATE}, and it can be told to refuse uplinks, as when the database is unavailable.
 */
final class RecordingSink implements UplinkSink {

    record Stored(long tenantId, Uplink uplink) {}

    private static final Executor COMMITS = Executors.newVirtualThreadPerTaskExecutor();

    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final List<Uplink> submissions = new CopyOnWriteArrayList<>();
    private final AtomicInteger toRefuse = new AtomicInteger();
    private volatile RuntimeException refusal;

    @Override
    public CompletableFuture<IngestOutcome> submit(long tenantId, Uplink uplink) {
        submissions.add(uplink);
        return CompletableFuture.supplyAsync(() -> {
            if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw refusal;
            }
            if (!keys.add(tenantId + "/" + uplink.devEui() + "/" + uplink.deduplicationKey())) {
                return IngestOutcome.DUPLICATE;
            }
            stored.add(new Stored(tenantId, uplink));
            return IngestOutcome.STORED;
        }, COMMITS);
    }

    /** The next {@code count} uplinks fail, as if the database were down. */
    void refuseNext(int count) {
        refuseNext(count, new IllegalStateException("database unavailable (simulated)"));
    }

    /** The next {@code count} uplinks fail with {@code refusal}. */
    void refuseNext(int count, RuntimeException refusal) {
        this.refusal = refusal;
        toRefuse.set(count);
    }

    /** What was stored, without duplicates, in the order of the commits. */
    List<Stored> stored() {
        return List.copyOf(stored);
    }

    List<Stored> stored(long tenantId) {
        return stored.stream().filter(s -> s.tenantId() == tenantId).toList();
    }

    /** How many uplinks were submitted, duplicates and refused ones included. */
    int submitted() {
        return submissions.size();
    }

    /** Every submitted uplink, duplicates and refused ones included, in the order of submission. */
    List<Uplink> submissions() {
        return List.copyOf(submissions);
    }
}

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
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger toRefuse = new AtomicInteger();

    @Override
    public CompletableFuture<IngestOutcome> submit(long tenantId, Uplink uplink) {
        submitted.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            if (toRefuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("database unavailable (simulated)");
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
        toRefuse.set(count);
    }

    /** What was stored, without duplicates, in the order of the commits. */
    List<Stored> stored() {
        return List.copyOf(stored);
    }

    List<Stored> stored(long tenantId) {
        return stored.stream().filter(s -> s.tenantId() == tenantId).toList();
    }

    /** Every submission, duplicates and refused ones included. */
    int submitted() {
        return submitted.get();
    }
}

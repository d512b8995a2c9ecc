package de.gemeinwerk.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts prepared webhook requests with several clients, each on its own keep-alive connection, taking the next
 * request from one shared list until it is used up or the time is over. A 503 (the server's ingest queue is full) is
 * what a network server retries, so the client does the same, after a pause; any other answer but 200 stops the run.
 */
final class UplinkDriver {

    private static final long RETRY_PAUSE_MILLIS = 20;

    /** Answers per second, the outcomes the server named, 503s retried, latencies of the answered requests. */
    record Result(double perSecond, long stored, long duplicates, long other, long retried, Latencies latencies) {}

    private final int port;
    private final int clients;

    UplinkDriver(int port, int clients) {
        this.port = port;
        this.clients = clients;
    }

    /**
     * Hands out the requests in order until they are used up or time is over; a copy (the second post of a request)
     * is handed out even then, as its first was: one place decides, so a run never ends between the two.
     */
    private static final class Cursor {

        private final List<LorawanUplinks.Request> requests;
        private final long deadline;
        private int next;
        private boolean over;

        Cursor(List<LorawanUplinks.Request> requests, long deadline) {
            this.requests = requests;
            this.deadline = deadline;
        }

        /** The index of the next request to post, or -1. */
        synchronized int take() {
            if (over || next >= requests.size()) {
                return -1;
            }
            if (!requests.get(next).copy() && System.nanoTime() >= deadline) {
                over = true;
                return -1;
            }
            return next++;
        }
    }

    Result post(List<LorawanUplinks.Request> requests, int maxSeconds) throws InterruptedException {
        LongAdder stored = new LongAdder();
        LongAdder duplicates = new LongAdder();
        LongAdder other = new LongAdder();
        LongAdder retried = new LongAdder();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        Cursor cursor = new Cursor(requests, started + maxSeconds * 1_000_000_000L);
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[requests.size()];
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
                    for (int i = cursor.take(), n = 0; i >= 0 && failure.get() == null; i = cursor.take(), n++) {
                        LorawanUplinks.Request request = requests.get(i);
                        long start = System.nanoTime();
                        KeepAliveClient.Response response = client.exchangeForBody("POST", request.path(),
                                request.headers(), request.body());
                        while (response.status() == 503) {
                            retried.increment();
                            Thread.sleep(RETRY_PAUSE_MILLIS);
                            start = System.nanoTime();
                            response = client.exchangeForBody("POST", request.path(), request.headers(), request.body());
                        }
                        mine[n] = System.nanoTime() - start;
                        if (response.status() != 200) {
                            throw new IllegalStateException("POST " + request.path() + " answered " + response.status()
                                    + ": " + response.body());
                        }
                        (response.body().contains("\"stored\"") ? stored
                                : response.body().contains("\"duplicate\"") ? duplicates : other).increment();
                    }
                } catch (IOException | RuntimeException | InterruptedException e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a webhook client failed", failure.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long answered = stored.sum() + duplicates.sum() + other.sum();
        long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).toArray();
        return new Result(answered / elapsed, stored.sum(), duplicates.sum(), other.sum(), retried.sum(),
                new Latencies(all));
    }
}

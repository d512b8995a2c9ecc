package de.gemeinwerk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Drives the running server over real HTTP/1.1 on loopback, as an external client would. */
final class HttpDriver {

    private static final long WARM_UP_NANOS = 10_000_000_000L;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final String key;

    HttpDriver(String root, String key) {
        this.root = root;
        this.key = key;
    }

    /** The API key the driver presents. */
    String key() {
        return key;
    }

    HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Id from a 201 response's body. */
    long create(String path, String json) {
        HttpResponse<String> response = send("POST", path, json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        String body = response.body();
        int at = body.indexOf("\"@iot.id\":") + 10;
        int end = at;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return Long.parseLong(body.substring(at, end));
    }

    /**
     * Times {@code samples} sequential GETs on one keep-alive connection (reading each whole response) after
     * ten seconds of the same request (a running server is warm: its code is compiled by the JIT and its indexes
     * are in memory); fails on a non-200.
     */
    Latencies time(String path, int samples) {
        URI base = URI.create(root);
        String headers = "Authorization: Bearer " + key + "\r\n";
        try (KeepAliveClient client = new KeepAliveClient(base.getHost(), base.getPort())) {
            long warmUntil = System.nanoTime() + WARM_UP_NANOS;
            while (System.nanoTime() < warmUntil) {
                check(client.send("GET", base.getPath() + path, headers, ""), path);
            }
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                check(client.send("GET", base.getPath() + path, headers, ""), path);
                nanos[i] = System.nanoTime() - start;
            }
            return new Latencies(nanos);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * {@code clients} threads POST single Observations for {@code seconds}, each to its own Datastream on
     * its own keep-alive connection; returns acknowledged observations per second and the latencies.
     */
    IngestResult ingest(long[] datastreamIds, int clients, int seconds, String prefer) throws InterruptedException {
        return drive(datastreamIds, clients, seconds, "Prefer: " + prefer + "\r\n", 2_000_000, (datastream, n) -> {
            long t = 1_700_000_000L + datastream * 10_000_000L + n;
            return new Post("Datastreams(" + datastream + ")/Observations", "{\"phenomenonTime\":\""
                    + java.time.Instant.ofEpochSecond(t) + "\",\"result\":" + (20 + n % 100 / 10.0) + "}", 1);
        });
    }

    /**
     * {@code clients} threads POST {@code CreateObservations} with {@code rows} Observations each, for
     * {@code seconds}, each to its own Datastream on its own keep-alive connection; returns stored observations
     * per second (rows of 201 responses: every row is valid, so every row is stored — the caller checks the counts)
     * and the latencies of the requests.
     */
    IngestResult dataArrayIngest(long[] datastreamIds, int clients, int rows, int seconds) throws InterruptedException {
        // after the single-POST rows of each Datastream, one second apart
        return drive(datastreamIds, clients, seconds, "", 100_000, (datastream, n) -> new Post("CreateObservations",
                createObservations(datastream, 1_800_000_000L + datastream * 100_000_000L + (long) n * rows, rows), rows));
    }

    record IngestResult(double perSecond, long total, Latencies latencies) {}

    /** The n-th POST of a client writing to one Datastream: path below the service root, body, observations in it. */
    private record Post(String path, String body, int observations) {}

    private interface Posts {
        Post next(long datastream, int n);
    }

    /**
     * Each of {@code clients} threads sends {@code posts} on its own keep-alive connection until {@code seconds}
     * are over (at most {@code capacity} requests), expecting 201 each time.
     */
    private IngestResult drive(long[] datastreamIds, int clients, int seconds, String extraHeaders, int capacity,
                               Posts posts) throws InterruptedException {
        URI base = URI.create(root);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong stored = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String headers = "Authorization: Bearer " + key + "\r\n" + extraHeaders;
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long datastream = datastreamIds[c % datastreamIds.length];
            long[] mine = new long[capacity];
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                try (KeepAliveClient client = new KeepAliveClient(base.getHost(), base.getPort())) {
                    for (int n = 0; System.nanoTime() < deadline && n < mine.length; n++) {
                        Post post = posts.next(datastream, n);
                        long start = System.nanoTime();
                        int status = client.send("POST", base.getPath() + post.path(), headers, post.body());
                        if (status != 201) {
                            throw new IllegalStateException("POST " + post.path() + " answered " + status);
                        }
                        mine[n] = System.nanoTime() - start;
                        stored.addAndGet(post.observations());
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(a -> java.util.Arrays.stream(a).filter(v -> v > 0)).toArray();
        return new IngestResult(stored.get() / elapsed, stored.get(), new Latencies(all));
    }

    private static String createObservations(long datastream, long firstSecond, int rows) {
        StringBuilder json = new StringBuilder(rows * 40 + 200).append("[{\"Datastream\":{\"@iot.id\":").append(datastream)
                .append("},\"components\":[\"phenomenonTime\",\"result\"],\"dataArray@iot.count\":").append(rows)
                .append(",\"dataArray\":[");
        for (int i = 0; i < rows; i++) {
            json.append(i == 0 ? "[\"" : ",[\"").append(java.time.Instant.ofEpochSecond(firstSecond + i)).append("\",")
                    .append(20 + i % 100 / 10.0).append(']');
        }
        return json.append("]}]").toString();
    }

    private static void check(int status, String path) {
        if (status != 200) {
            throw new IllegalStateException("GET " + path + " answered " + status);
        }
    }
}

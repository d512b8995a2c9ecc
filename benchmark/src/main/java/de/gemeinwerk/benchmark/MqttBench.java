package de.gemeinwerk.benchmark;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MQTT rows, with a real MQTT client (Eclipse Paho) on loopback: ingest of Observations published at QoS 1 by
 * several publishers (every acknowledged one counted in the database afterwards), and the latency from an HTTP
 * create to the receipt of its notification by each of 100 subscribers.
 */
final class MqttBench {

    private static final int PUBLISHERS = 8;
    // unacknowledged QoS 1 messages a publisher may have in flight (Paho's own default is 10)
    private static final int IN_FLIGHT = 1_000;
    private static final int SUBSCRIBERS = 100;
    private static final int LATENCY_SAMPLES = 200;
    private static final int WARM_UP_SECONDS = 5;

    private MqttBench() {}

    static void run(BenchmarkSettings settings, Benchmark.Fixture fixture, int mqttPort, DataSource dataSource,
                    ResultTable table) throws Exception {
        long[] writers = Arrays.copyOfRange(fixture.datastreams(), 1, fixture.datastreams().length);
        String prefix = Benchmark.TENANT + "/v1.1/";
        ingest(mqttPort, fixture.http().key(), prefix, writers, WARM_UP_SECONDS);
        long before = DataArrayBench.count(dataSource, writers);
        Ingest ingest = ingest(mqttPort, fixture.http().key(), prefix, writers, settings.seconds());
        long stored = DataArrayBench.count(dataSource, writers) - before;
        long lost = ingest.acknowledged() - stored;
        table.add(String.format("MQTT ingest, %d publishers at QoS 1 (%d in flight each), %d s", PUBLISHERS, IN_FLIGHT,
                        settings.seconds()), String.format("%.0f obs/s (%,d acknowledged, %,d stored, %d lost)",
                        ingest.perSecond(), ingest.acknowledged(), stored, Math.max(0, lost)),
                ">= 10,000 obs/s, 0 lost", ingest.perSecond() >= 10_000 && lost <= 0);
        Latencies latency = notificationLatency(mqttPort, fixture, prefix, writers[0]);
        table.add(String.format("MQTT notification latency, HTTP create → receipt by each of %d subscribers",
                SUBSCRIBERS), latency.describe(), "p99 <= 50 ms", latency.percentileMillis(99) <= 50);
    }

    record Ingest(double perSecond, long acknowledged) {}

    /** Each publisher publishes to its own Datastream as fast as its in-flight window allows. */
    private static Ingest ingest(int port, String key, String prefix, long[] datastreams, int seconds) throws Exception {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        for (int p = 0; p < PUBLISHERS; p++) {
            String topic = prefix + "Datastreams(" + datastreams[p % datastreams.length] + ")/Observations";
            MqttAsyncClient client = connect(port, key, "bench-publisher-" + p + "-" + System.nanoTime());
            threads.add(Thread.ofPlatform().start(() -> publish(client, topic, deadline, acknowledged, failed)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " MQTT publishes failed");
        }
        return new Ingest(acknowledged.get() / elapsed, acknowledged.get());
    }

    private static void publish(MqttAsyncClient client, String topic, long deadline, AtomicLong acknowledged,
                                AtomicLong failed) {
        Semaphore window = new Semaphore(IN_FLIGHT);
        IMqttActionListener acked = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                acknowledged.incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                failed.incrementAndGet();
                window.release();
            }
        };
        try {
            for (long n = 0; System.nanoTime() < deadline; n++) {
                window.acquire();
                byte[] body = ("{\"result\":" + (20 + n % 100 / 10.0) + "}").getBytes(StandardCharsets.UTF_8);
                client.publish(topic, body, 1, false, null, acked);
            }
            // all acknowledged (or failed) before the count is taken
            window.acquire(IN_FLIGHT);
            client.disconnect().waitForCompletion();
            client.close();
        } catch (MqttException | InterruptedException e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    /**
     * {@code SUBSCRIBERS} clients subscribe to one Datastream's Observations; Observations are then created over HTTP
     * one after another, and each subscriber's receipt of each is timed from just before the POST was sent.
     */
    private static Latencies notificationLatency(int port, Benchmark.Fixture fixture, String prefix, long datastream)
            throws Exception {
        String topic = prefix + "Datastreams(" + datastream + ")/Observations?$select=result";
        ConcurrentHashMap<Integer, Long> sentAt = new ConcurrentHashMap<>();
        long[] nanos = new long[SUBSCRIBERS * LATENCY_SAMPLES];
        AtomicLong received = new AtomicLong();
        CountDownLatch all = new CountDownLatch(SUBSCRIBERS * LATENCY_SAMPLES);
        List<MqttAsyncClient> subscribers = new ArrayList<>();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            MqttAsyncClient subscriber = connect(port, null, "bench-subscriber-" + s + "-" + System.nanoTime());
            subscriber.subscribe(topic, 1, (t, message) -> {
                long now = System.nanoTime();
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
                int sample = (int) Double.parseDouble(payload.substring(payload.indexOf(':') + 1, payload.indexOf('}')));
                Long sent = sentAt.get(sample);
                if (sent != null) {
                    nanos[(int) received.getAndIncrement()] = now - sent;
                    all.countDown();
                }
            }).waitForCompletion();
            subscribers.add(subscriber);
        }
        for (int sample = 0; sample < LATENCY_SAMPLES; sample++) {
            sentAt.put(sample, System.nanoTime());
            fixture.http().create("Datastreams(" + datastream + ")/Observations", "{\"result\":" + sample + "}");
            Thread.sleep(20);
        }
        if (!all.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + received.get() + " of " + nanos.length + " notifications arrived");
        }
        for (MqttAsyncClient subscriber : subscribers) {
            subscriber.disconnect().waitForCompletion();
            subscriber.close();
        }
        return new Latencies(nanos);
    }

    private static MqttAsyncClient connect(int port, String key, String clientId) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(IN_FLIGHT);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (key != null) {
            // MQTT 3.1.1 carries a password only together with a user name; Gemeinwerk does not use the name
            options.setUserName("bench");
            options.setPassword(key.toCharArray());
        }
        client.connect(options).waitForCompletion();
        return client;
    }
}

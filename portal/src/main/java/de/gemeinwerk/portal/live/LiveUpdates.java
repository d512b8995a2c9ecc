package de.gemeinwerk.portal.live;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.portal.data.StaReads;
import de.gemeinwerk.portal.data.StaReads.Get;
import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.changes.ChangeFeed;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Pushes what changed to the open maps of each tenant (Server-Sent Events). Fed by {@code sensorthings}' change feed,
 * so it sees the writes of every instance on the database and of every write path (HTTP, MQTT, batches). Per batch
 * of changes and tenant, the latest values of the Datastreams that got Observations are read ONCE, as the standard
 * API answers them, and the same {@code latest} event goes to every open map of that tenant — the clients do not each
 * read again. Batches that arrive while one is being read are merged, so a burst of writes costs few reads.
 * Best effort like the feed itself: a map that was disconnected reloads what it shows when it reconnects. At most
 * {@code gemeinwerk.portal.live.max-streams} streams (2000) are open per instance ({@link StreamBudget}).
 */
@Component
public class LiveUpdates implements Consumer<List<Change>> {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    // an EventSource reconnects by itself; a bounded lifetime lets a proxy's idle timeout and dead clients pass
    static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(10);
    private static final long HEARTBEAT_SECONDS = 20;
    // ids per read: bounds the $filter of one statement when a bulk import touches thousands of Datastreams
    private static final int IDS_PER_READ = 200;

    private final ChangeFeed feed;
    private final StaReads reads;
    private final JsonMapper json;
    private final StreamBudget budget;
    private final Map<Long, Set<SseEmitter>> clients = new ConcurrentHashMap<>();
    private final Map<Long, LiveBatch> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("portal-live").daemon().factory());
    private volatile boolean subscribed;

    public LiveUpdates(ChangeFeed feed, StaReads reads, JsonMapper json,
                       @Value("${gemeinwerk.portal.live.max-streams:2000}") int maxStreams) {
        this.budget = new StreamBudget(maxStreams);
        this.feed = feed;
        this.reads = reads;
        this.json = json;
        worker.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A new open map of the tenant; the change feed is listened to from the first one on.
     *
     * @throws ApiException 503 when this instance keeps as many streams open as it may
     */
    public SseEmitter open(long tenantId) {
        if (!budget.take()) {
            throw ApiException.serviceUnavailable("Too many live maps are open on this server;"
                    + " the map tries again by itself.");
        }
        subscribeOnce();
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        Set<SseEmitter> ofTenant = clients.computeIfAbsent(tenantId, t -> new CopyOnWriteArraySet<>());
        ofTenant.add(emitter);
        AtomicBoolean ended = new AtomicBoolean();
        Runnable remove = () -> {
            // completion, timeout and error may each report the same end
            if (ended.compareAndSet(false, true)) {
                ofTenant.remove(emitter);
                budget.giveBack();
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // tells the page at once that it is connected (and lets it show "live")
        send(tenantId, emitter, SseEmitter.event().name("hello").data("{}"));
        return emitter;
    }

    private synchronized void subscribeOnce() {
        if (!subscribed) {
            feed.subscribe(this);
            subscribed = true;
        }
    }

    /** On the feed's thread: only notes what changed and leaves the reading to the worker. */
    @Override
    public void accept(List<Change> changes) {
        if (clients.isEmpty()) {
            return;
        }
        LiveBatch.of(changes).forEach((tenant, batch) -> {
            if (!clients.getOrDefault(tenant, Set.of()).isEmpty()
                    && pending.merge(tenant, batch, LiveBatch::merge) == batch) {
                worker.execute(() -> deliver(tenant));
            }
        });
    }

    private void deliver(long tenantId) {
        LiveBatch batch = pending.remove(tenantId);
        Set<SseEmitter> ofTenant = clients.getOrDefault(tenantId, Set.of());
        if (batch == null || ofTenant.isEmpty()) {
            return;
        }
        try {
            if (batch.things()) {
                broadcast(tenantId, ofTenant, SseEmitter.event().name("things").data("{}"));
            }
            for (JsonNode latest : latest(tenantId, new ArrayList<>(batch.datastreams()))) {
                broadcast(tenantId, ofTenant, SseEmitter.event().name("latest").data(latest.toString()));
            }
        } catch (RuntimeException e) {
            log.warn("live update of tenant {} failed; open maps show the previous values", tenantId, e);
        }
    }

    /**
     * The latest values of these Datastreams in the form of {@code Datastreams/$latest}, in chunks; a chunk of which the
     * public sees no value is left out, as even an empty event would tell that a hidden Datastream got an Observation.
     */
    List<JsonNode> latest(long tenantId, List<Long> datastreams) {
        List<Get> gets = new ArrayList<>();
        for (int from = 0; from < datastreams.size(); from += IDS_PER_READ) {
            String filter = datastreams.subList(from, Math.min(datastreams.size(), from + IDS_PER_READ)).stream()
                    .map(id -> "id eq " + id).collect(Collectors.joining(" or "));
            gets.add(new Get("Datastreams", Map.of("$filter", filter, "$select", "id",
                    "$expand", StaReads.LATEST_OBSERVATION, "$top", String.valueOf(IDS_PER_READ))));
        }
        // no self links are sent, so the service root does not matter
        return reads.read(tenantId, "", gets).stream().map(this::compact)
                .filter(answer -> !answer.path("value").isEmpty()).toList();
    }

    /** {"value": [{"Datastream@iot.id": 7, "@iot.id": 912, "phenomenonTime": …, "result": …}]} as $latest answers */
    private JsonNode compact(JsonNode datastreams) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode values = answer.putArray("value");
        for (JsonNode datastream : datastreams.path("value")) {
            JsonNode observation = datastream.path("Observations").path(0);
            if (observation.isObject()) {
                ObjectNode value = values.addObject();
                value.set("Datastream@iot.id", datastream.path("@iot.id"));
                value.set("@iot.id", observation.path("@iot.id"));
                value.set("phenomenonTime", observation.path("phenomenonTime"));
                value.set("result", observation.path("result"));
            }
        }
        return answer;
    }

    private void heartbeat() {
        clients.forEach((tenant, ofTenant) -> ofTenant.forEach(emitter -> send(tenant, emitter,
                SseEmitter.event().comment("keep-alive"))));
    }

    private void broadcast(long tenantId, Set<SseEmitter> ofTenant, SseEmitter.SseEventBuilder event) {
        ofTenant.forEach(emitter -> send(tenantId, emitter, event));
    }

    private void send(long tenantId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // the browser left; its emitter is finished and forgotten
            clients.getOrDefault(tenantId, Set.of()).remove(emitter);
            emitter.completeWithError(gone);
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
        clients.values().forEach(ofTenant -> ofTenant.forEach(SseEmitter::complete));
    }
}

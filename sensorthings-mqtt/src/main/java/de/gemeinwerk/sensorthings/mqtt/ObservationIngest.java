package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.json.JsonErrors;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.ObservationBatcher;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * MQTT Create (SensorThings 1.1, 14.1): an Observation published to {@code {tenant}/v1.1/Datastreams(id)/Observations},
 * to {@code {tenant}/v1.1/Observations} (the Datastream named in the body) or to
 * {@code {tenant}/v1.1/FeaturesOfInterest(id)/Observations} is validated like an HTTP POST and stored through the same
 * group-commit lane ({@link ObservationBatcher}), together with the Observations of other publishers and of HTTP
 * clients; one that brings a new FeatureOfInterest or Datastream along is created like the HTTP POST of it. The returned future completes when the Observation is committed — only then may a QoS 1 PUBACK go out.
 */
final class ObservationIngest {

    /** What a deep insert needs: the same path resolution, writer and transactions as an HTTP POST. */
    record Deep(PathResolver resolver, EntityWriter writer, Transactions transactions) {}

    // how long to wait between attempts while the group-commit lane is full (it refuses rather than queues without bound)
    private static final long OVERLOADED_RETRY_MILLIS = 20;

    private final TenantAccess access;
    private final ObservationBatcher batcher;
    private final PathResolver resolver;
    private final EntityWriter writer;
    private final Transactions transactions;
    private final ObjectReader bodyReader;
    private final Executor work;
    private final Clock clock;
    private final Duration timeout;

    /** @param timeout how long an Observation may wait for room in the lane before it is refused */
    ObservationIngest(TenantAccess access, ObservationBatcher batcher, Deep deep, JsonMapper json, Executor work,
                      Clock clock, Duration timeout) {
        this.access = access;
        this.batcher = batcher;
        this.resolver = deep.resolver();
        this.writer = deep.writer();
        this.transactions = deep.transactions();
        this.bodyReader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.work = work;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Stores the published Observation; the future fails with an {@link ApiException} (or {@link StaTopic.InvalidTopic})
     * saying why when the publisher may not write there or the Observation is invalid.
     *
     * @param key the API key the connection presented, or null
     */
    CompletableFuture<Void> store(String key, String topicName, byte[] payload) {
        return CompletableFuture.runAsync(() -> storeNow(key, topicName, payload), work);
    }

    private void storeNow(String key, String topicName, byte[] payload) {
        StaTopic topic = StaTopic.parse(topicName);
        Tenant tenant = access.authorize(topic.tenant(), key, Role.WRITE);
        JsonNode body = body(payload);
        ObservationInserts.Row row = laneRow(tenant, topic, ((ObjectNode) body).deepCopy());
        if (row != null) {
            insert(row);
        } else {
            deepInsert(tenant, topic, body);
        }
    }

    /** The Observation for the group-commit lane, or null when its body creates related entities too (deep insert). */
    private ObservationInserts.Row laneRow(Tenant tenant, StaTopic topic, ObjectNode observation) {
        Parent parent = parent(topic.path().segments(), observation);
        if (parent == null) {
            return null;
        }
        try {
            return ObservationInserts.parse(tenant.id(), parent.type(), parent.id(), observation,
                    clock.instant().atOffset(ZoneOffset.UTC));
        } catch (IllegalArgumentException newFeatureOfInterest) {
            return null;
        }
    }

    /**
     * An Observation that brings a new FeatureOfInterest or Datastream along (SensorThings 1.1, 14.1.2): created like
     * an HTTP POST to the topic's path, in a transaction of its own, committed before this returns.
     */
    private void deepInsert(Tenant tenant, StaTopic topic, JsonNode body) {
        transactions.write(connection -> {
            // a write needs a key of the tenant, whose holders see its private entities
            ResolvedPath path = resolver.resolve(connection, topic.path(), ReadScope.all(tenant.id()));
            writer.create(connection, tenant.id(), path.target(), body);
            return null;
        });
    }

    private JsonNode body(byte[] payload) {
        if (payload.length == 0) {
            throw ApiException.badRequest("the message is empty; publish an Observation as a JSON object", "body");
        }
        JsonNode body;
        try {
            body = bodyReader.readTree(payload);
        } catch (JacksonException e) {
            throw JsonErrors.toApiException(e);
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("publish an Observation as a JSON object", "body");
        }
        return body;
    }

    /**
     * The Datastream the topic or the body names, the body left as a POST to the Datastream's Observations; null
     * when the body creates the Datastream (a deep insert).
     */
    /** The Datastream or MultiDatastream an Observation is published to. */
    private record Parent(EntityType type, long id) {}

    private static Parent parent(List<ResourcePath.Segment> segments, ObjectNode body) {
        ResourcePath.Segment first = segments.getFirst();
        if (segments.size() == 2 && segments.get(1).name().equals("Observations") && segments.get(1).id() == null
                && first.id() != null) {
            if (first.name().equals("Datastreams")) {
                return new Parent(EntityType.DATASTREAM, first.id());
            }
            if (first.name().equals("MultiDatastreams")) {
                return new Parent(EntityType.MULTI_DATASTREAM, first.id());
            }
            if (first.name().equals("FeaturesOfInterest")) {
                if (body.has("FeatureOfInterest")) {
                    throw ApiException.badRequest("the FeatureOfInterest is given by the topic; leave it out here",
                            "FeatureOfInterest");
                }
                body.putObject("FeatureOfInterest").put("@iot.id", first.id());
                return datastreamInBody(body);
            }
        }
        if (segments.size() == 1 && first.name().equals("Observations") && first.id() == null) {
            return datastreamInBody(body);
        }
        throw ApiException.badRequest("MQTT creates Observations: publish to {tenant}/v1.1/Datastreams(id)/Observations,"
                + " {tenant}/v1.1/MultiDatastreams(id)/Observations, {tenant}/v1.1/Observations or"
                + " {tenant}/v1.1/FeaturesOfInterest(id)/Observations", "topic");
    }

    private static Parent datastreamInBody(ObjectNode body) {
        boolean multi = body.has("MultiDatastream") && !body.has("Datastream");
        String name = multi ? "MultiDatastream" : "Datastream";
        JsonNode datastream = body.get(name);
        if (datastream == null) {
            throw ApiException.badRequest("name the Observation's Datastream: \"Datastream\": {\"@iot.id\": n}"
                    + " (or its MultiDatastream)", "Datastream");
        }
        JsonNode id = datastream.get("@iot.id");
        if (!datastream.isObject() || datastream.size() != 1 || id == null || !id.canConvertToLong()) {
            return null; // not a link: the general path decides (and explains what is wrong with it)
        }
        body.remove(name);
        return new Parent(multi ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM, id.asLong());
    }

    /** Waits while the lane is full (the publisher's unacknowledged messages hold it back meanwhile). */
    private void insert(ObservationInserts.Row row) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                batcher.insert(row);
                return;
            } catch (ApiException e) {
                if (e.status() != HttpStatus.SERVICE_UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(OVERLOADED_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to store the Observation", e);
            }
        }
    }
}

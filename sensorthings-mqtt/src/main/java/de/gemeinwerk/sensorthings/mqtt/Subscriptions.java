package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.Access;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.visibility.ReadScopes;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topics subscribed on this instance, per tenant. A SUBSCRIBE is authorised like an HTTP GET of the same path
 * (public tenants need no key, private ones a key of theirs) and its path resolved like one — as the subscriber may
 * see it, so a path through an entity hidden from the subscriber fails like a missing one; what fails gets the
 * SUBACK failure code and a log line saying why. Clients with different rights share a topic: each message is read
 * once per kind of reader ({@link #audience}).
 */
final class Subscriptions {

    /** SUBACK's return code for a refused topic. */
    static final int FAILURE = 0x80;

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final TenantAccess access;
    private final ReadScopes scopes;
    private final PathResolver resolver;
    private final Transactions transactions;
    private final Map<Long, Map<String, Subscription>> byTenant = new ConcurrentHashMap<>();

    Subscriptions(TenantAccess access, ReadScopes scopes, PathResolver resolver, Transactions transactions) {
        this.access = access;
        this.scopes = scopes;
        this.resolver = resolver;
        this.transactions = transactions;
    }

    /**
     * Subscribes at QoS 0 or 1 (a request for QoS 2 is granted QoS 1); returns the granted QoS or {@link #FAILURE}.
     *
     * @param key the API key the connection presented, or null
     */
    int subscribe(Subscriber subscriber, String key, String topicName, MqttQoS requested) {
        try {
            StaTopic topic = StaTopic.parse(topicName);
            Access allowed = access.access(topic.tenant(), key, Role.READ);
            Tenant tenant = allowed.tenant();
            ReadScope reader = scopes.of(allowed);
            Map<String, Subscription> topics = byTenant.computeIfAbsent(tenant.id(), id -> new ConcurrentHashMap<>());
            // a topic subscribed by someone who sees more is resolved again for one who may see less
            Subscription fresh = topics.containsKey(topicName) && !reader.hidesPrivate() ? null
                    : resolve(tenant, reader, topic, topicName);
            MqttQoS granted = requested == MqttQoS.AT_MOST_ONCE ? MqttQoS.AT_MOST_ONCE : MqttQoS.AT_LEAST_ONCE;
            // atomic with the removal of a topic's last subscriber (which may have happened since the check above)
            topics.compute(topicName, (name, present) -> {
                Subscription subscription = present != null ? present
                        : fresh != null ? fresh : resolve(tenant, reader, topic, topicName);
                subscription.subscribers().put(subscriber, granted);
                return subscription;
            });
            return granted.value();
        } catch (StaTopic.InvalidTopic | ApiException e) {
            log.info("SUBSCRIBE to '{}' refused: {}", topicName, e.getMessage());
            return FAILURE;
        } catch (QuerySyntaxException e) {
            log.info("SUBSCRIBE to '{}' refused: {} ({})", topicName, e.getMessage(), e.part());
            return FAILURE;
        }
    }

    private Subscription resolve(Tenant tenant, ReadScope reader, StaTopic topic, String topicName) {
        ResolvedPath path = transactions.read(connection -> resolver.resolve(connection, topic.path(), reader));
        Projection projection = path.property() != null
                ? new Projection(path.target().type(), false, false, List.of(path.property()), List.of())
                : Projection.of(path.target().type(), topic.options().select());
        return new Subscription(topicName, tenant, path, projection);
    }

    /**
     * Who of the topic's subscribers reads as whom, now: those who may no longer read it — their key was revoked, or
     * the tenant's reads became private — are dropped, so a SUBSCRIBE's authorisation does not outlive the key; the
     * others are grouped by the scope they read with (the tenant's private entities seen or not). Checked before
     * each delivery; tenants, keys and the tenant's "has private entities" flag come from short-lived caches, so
     * this costs no query.
     */
    Map<ReadScope, List<Subscriber>> audience(Subscription subscription) {
        Map<ReadScope, List<Subscriber>> byScope = new HashMap<>();
        for (Subscriber subscriber : subscription.subscribers().keySet()) {
            try {
                Access granted = access.access(subscription.tenant().slug(), subscriber.key(), Role.READ);
                byScope.computeIfAbsent(scopes.of(granted), s -> new ArrayList<>()).add(subscriber);
            } catch (ApiException e) {
                log.info("MQTT subscription to '{}' ended: {}", subscription.topic(), e.getMessage());
                unsubscribe(subscriber, subscription.topic());
            }
        }
        return byScope;
    }

    void unsubscribe(Subscriber subscriber, String topicName) {
        for (Map<String, Subscription> topics : byTenant.values()) {
            topics.computeIfPresent(topicName, (name, subscription) -> {
                subscription.subscribers().remove(subscriber);
                return subscription.subscribers().isEmpty() ? null : subscription;
            });
        }
    }

    /** When the client disconnects. */
    void unsubscribeAll(Subscriber subscriber) {
        for (Map<String, Subscription> topics : byTenant.values()) {
            for (String topicName : List.copyOf(topics.keySet())) {
                unsubscribe(subscriber, topicName);
            }
        }
    }

    Collection<Subscription> of(long tenantId) {
        Map<String, Subscription> topics = byTenant.get(tenantId);
        return topics == null ? List.of() : topics.values();
    }

    boolean isEmpty() {
        return byTenant.values().stream().allMatch(Map::isEmpty);
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.Target;
import io.netty.handler.codec.mqtt.MqttQoS;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One topic of one tenant and the clients subscribed to it (all of them get the same messages, so each message is
 * read and rendered once). What the topic receives (SensorThings 1.1, 14.2):
 * <ul>
 *   <li>a collection ({@code Things}, {@code Datastreams(1)/Observations}): each entity created in it or updated,
 *       as GET shows the entity (with {@code $select}: only the selected properties);</li>
 *   <li>an entity ({@code Things(1)}, {@code Datastreams(1)/Thing}): the entity whenever it is updated;</li>
 *   <li>a property ({@code Things(1)/name}): {@code {"name": ...}} whenever that property changes.</li>
 * </ul>
 * The path is resolved at the first SUBSCRIBE (its parents checked within the tenant) and again for each subscriber
 * kept from private entities. Clients of a topic who read with the same {@code ReadScope} get the same messages.
 */
final class Subscription {

    private final String topic;
    private final Tenant tenant;
    private final ResolvedPath path;
    private final Projection projection;
    private final Map<Subscriber, MqttQoS> subscribers = new ConcurrentHashMap<>();

    Subscription(String topic, Tenant tenant, ResolvedPath path, Projection projection) {
        this.topic = topic;
        this.tenant = tenant;
        this.path = path;
        this.projection = projection;
    }

    String topic() { return topic; }

    Tenant tenant() { return tenant; }

    ResolvedPath path() { return path; }

    Projection projection() { return projection; }

    Map<Subscriber, MqttQoS> subscribers() { return subscribers; }

    /**
     * The entities of the change that may concern this topic, or null when none can. Whether they belong to a
     * navigation path ({@code Things(1)/Datastreams}) is decided by reading them; only the hot case — new
     * Observations of a Datastream — is decided here, from the change itself.
     */
    long[] candidates(Change change) {
        Target target = path.target();
        // a visibility change is no change of the entity: who may see it now gets its next change
        if (change.tenantId() != tenant.id() || change.type() != target.type()
                || change.kind() == Change.Kind.VISIBILITY) {
            return null;
        }
        if (path.property() != null || target.single()) {
            boolean concerned = change.kind() == Change.Kind.UPDATED
                    && (path.property() == null || change.properties().contains(path.property()))
                    && (target.id() == null || Arrays.stream(change.ids()).anyMatch(id -> id == target.id()));
            return concerned ? change.ids() : null;
        }
        boolean otherDatastream = change.datastreamId() != null && target.parentType() == EntityType.DATASTREAM
                && target.via().name().equals("Observations") && !change.datastreamId().equals(target.parentId());
        return otherDatastream ? null : change.ids();
    }

    /** Sends the message to those of {@code to} who are still subscribed. */
    void publish(byte[] payload, Collection<Subscriber> to) {
        for (Subscriber subscriber : to) {
            MqttQoS qos = subscribers.get(subscriber);
            if (qos != null) {
                subscriber.deliver(topic, payload, qos);
            }
        }
    }
}

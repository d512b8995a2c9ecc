package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.changes.Change;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Statements;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * Turns the committed changes of the change feed into MQTT messages for the topics subscribed on this instance.
 * Per batch of changes: each concerned topic reads the changed entities it covers with one statement (which also
 * decides whether they belong to a navigation path such as {@code Things(1)/Datastreams}), all in one read-only
 * snapshot, renders each entity once as GET would, and sends it to every client of the topic. Clients kept from the
 * tenant's private entities get what the same statement reads with their scope, so nothing about a hidden entity.
 */
final class NotificationDispatcher implements Consumer<List<Change>> {

    // bounds one statement's id array when a burst (CreateObservations) lands on a topic that covers it all
    private static final int IDS_PER_STATEMENT = 5_000;

    private final Subscriptions subscriptions;
    private final Transactions transactions;
    private final JsonMapper json;
    private final Function<String, String> serviceRoot;

    /** @param serviceRoot a tenant slug's service root for self links, e.g. https://example.org/musterstadt/v1.1 */
    NotificationDispatcher(Subscriptions subscriptions, Transactions transactions, JsonMapper json,
                           Function<String, String> serviceRoot) {
        this.subscriptions = subscriptions;
        this.transactions = transactions;
        this.json = json;
        this.serviceRoot = serviceRoot;
    }

    @Override
    public void accept(List<Change> changes) {
        if (subscriptions.isEmpty()) {
            return;
        }
        Map<Subscription, List<long[]>> concerned = new IdentityHashMap<>();
        for (Change change : changes) {
            for (Subscription subscription : subscriptions.of(change.tenantId())) {
                long[] candidates = subscription.candidates(change);
                if (candidates != null) {
                    concerned.computeIfAbsent(subscription, s -> new ArrayList<>()).add(candidates);
                }
            }
        }
        if (concerned.isEmpty()) {
            return;
        }
        Map<Subscription, Map<ReadScope, List<Subscriber>>> audiences = new IdentityHashMap<>();
        concerned.keySet().forEach(subscription -> audiences.put(subscription, subscriptions.audience(subscription)));
        Map<Subscription, Map<ReadScope, List<EntityRow>>> rows = transactions.read(connection -> {
            Map<Subscription, Map<ReadScope, List<EntityRow>>> read = new IdentityHashMap<>();
            for (Map.Entry<Subscription, List<long[]>> entry : concerned.entrySet()) {
                Map<ReadScope, List<EntityRow>> byScope = new HashMap<>();
                for (ReadScope reader : audiences.get(entry.getKey()).keySet()) {
                    byScope.put(reader, members(connection, entry.getKey(), reader, entry.getValue()));
                }
                read.put(entry.getKey(), byScope);
            }
            return read;
        });
        rows.forEach((subscription, byScope) -> byScope.forEach((reader, entities) -> entities.forEach(row ->
                subscription.publish(render(subscription, row), audiences.get(subscription).get(reader)))));
    }

    private static List<EntityRow> members(Connection connection, Subscription subscription, ReadScope reader,
                                           List<long[]> candidates) throws SQLException {
        long[] ids = candidates.stream().flatMapToLong(LongStream::of).distinct().sorted().toArray();
        List<EntityRow> rows = new ArrayList<>();
        for (int from = 0; from < ids.length; from += IDS_PER_STATEMENT) {
            long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + IDS_PER_STATEMENT));
            try (PreparedStatement statement = Statements.prepare(connection, SelectStatements.members(
                    subscription.path().target(), reader, chunk, subscription.projection()));
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(EntityReader.row(rs, subscription.projection(), 1));
                }
            }
        }
        return rows;
    }

    /** The entity as GET shows it; for a property topic, {"name": value} as GET of the property does. */
    private byte[] render(Subscription subscription, EntityRow row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = json.createGenerator(out)) {
            Property property = subscription.path().property();
            if (property != null) {
                g.writeStartObject();
                g.writeName(property.name());
                EntityJson.writeValue(g, property, row.value(0));
                g.writeEndObject();
            } else {
                EntityJson.writeEntity(g, row, subscription.projection(), List.of(),
                        serviceRoot.apply(subscription.tenant().slug()));
            }
        }
        return out.toByteArray();
    }
}

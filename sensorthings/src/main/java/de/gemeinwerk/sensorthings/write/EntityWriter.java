package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import de.gemeinwerk.sensorthings.sql.Target;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * Create, update and delete of SensorThings entities (OGC SensorThings API 1.1, "Create-Update-Delete"), and
 * their $ref links. Every method runs in the caller's transaction (autocommit off) and confines every row it
 * reads, links or changes to the tenant: an entity of another tenant looks exactly like a missing one.
 * Errors are {@link ApiException}s: 400 with {@code where} pointing into the body, 404 for what the path
 * names and does not exist; database errors caused by request values become 400s as well.
 */
public final class EntityWriter {

    /** The created entity (for the Location header and the response body). */
    public record Created(EntityType type, long id) {}

    private final Clock clock;

    /** @param clock "now" for defaults: an Observation's phenomenonTime, a HistoricalLocation's time */
    public EntityWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * POST to a collection ({@code Things}) or a navigation collection ({@code Things(1)/Datastreams}: the new
     * entity is linked to the parent). Nested entities are created too (deep insert) or linked by
     * {@code {"@iot.id": n}}. Through a navigation collection, a body that is only {@code {"@iot.id": n}} links
     * that existing entity to the parent instead and returns it.
     */
    public Created create(Connection connection, long tenantId, Target target, JsonNode body) {
        return run(connection, tenantId, scope -> {
            if (target.single()) {
                throw ApiException.badRequest("create entities by POST to a collection, e.g. " + target.type().setName()
                        + " or Things(1)/Datastreams", "path");
            }
            Navigation via = target.via();
            OptionalLong link = via == null || body == null ? OptionalLong.empty() : BodyParser.pureLink(body, Pointer.BODY);
            if (link.isPresent()) {
                new RefLinks(scope).add(target, new Ref.Existing(target.type(), link.getAsLong(),
                        Pointer.BODY.child(BodyParser.ID)));
                return new Created(target.type(), link.getAsLong());
            }
            EntityBody entity = new BodyParser(BodyParser.Mode.CREATE, scope.now()).parse(target.type(), body, Pointer.BODY,
                    null);
            EntityCreator creator = new EntityCreator(scope);
            if (via == null) {
                return new Created(target.type(), creator.create(entity));
            }
            Ref.Existing parent = new Ref.Existing(target.parentType(), target.parentId(), null);
            if (MultiDatastreamRules.isPropertyLink(via)) {
                throw target.parentType() == EntityType.OBSERVED_PROPERTY
                        ? MultiDatastreamRules.notFromObservedProperty("path") : MultiDatastreamRules.fixedProperties("path");
            }
            if (via.relation() instanceof Relation.LinkTable) {
                // a link table row has no tenant of its own: the parent is checked here, the new entity is ours
                Rows.lockForLink(connection, tenantId, parent.type(), parent.id(), null);
                long id = creator.create(entity);
                LinkTables.link(scope, target.parentType(), target.parentId(), via, List.of(id));
                return new Created(target.type(), id);
            }
            EntityBody child = EntityCreator.withParent(entity, Inverses.of(target.parentType(), via), parent,
                    "the request path");
            return new Created(target.type(), creator.create(child));
        });
    }

    /**
     * PATCH (merge): only the given properties change; to-one navigations may be re-linked
     * ({@code {"Thing": {"@iot.id": 2}}}); a Thing's Locations are replaced, recording a HistoricalLocation.
     * An empty object changes nothing.
     */
    public void update(Connection connection, long tenantId, Target target, JsonNode body) {
        change(connection, tenantId, target, body, BodyParser.Mode.MERGE);
    }

    /** PUT: replaces all properties; required ones must be present, absent optional ones become null. */
    public void replace(Connection connection, long tenantId, Target target, JsonNode body) {
        change(connection, tenantId, target, body, BodyParser.Mode.REPLACE);
    }

    /**
     * PATCH with {@code application/json-patch+json}: RFC 6902 operations on the entity's properties as a GET
     * shows them (e.g. {@code /properties/owner}); the result is then written like {@link #replace}.
     */
    public void jsonPatch(Connection connection, long tenantId, Target target, JsonNode patch) {
        run(connection, tenantId, scope -> {
            long id = Rows.resolveId(connection, tenantId, target);
            JsonNode patched = JsonPatch.apply(CurrentValues.read(scope, target.type(), id), patch);
            EntityBody entity = new BodyParser(BodyParser.Mode.REPLACE, scope.now()).parse(target.type(), patched,
                    new Pointer("patched entity", ""), id);
            new EntityUpdater(scope).apply(id, entity);
            return null;
        });
    }

    /** DELETE of one entity, with the cascades of the specification (a Thing's Datastreams and their Observations, ...). */
    public void delete(Connection connection, long tenantId, Target target) {
        run(connection, tenantId, scope -> {
            new EntityDeleter(scope).delete(target.type(), Rows.resolveId(connection, tenantId, target));
            return null;
        });
    }

    /** POST Things(1)/Locations/$ref with {@code {"@iot.id": 2}} or {@code {"@iot.selfLink": ".../Locations(2)"}}. */
    public void addLink(Connection connection, long tenantId, Target target, JsonNode body) {
        run(connection, tenantId, scope -> {
            new RefLinks(scope).add(target, RefLinks.parse(target.type(), body));
            return null;
        });
    }

    /** PUT Datastreams(1)/Thing/$ref with {@code {"@iot.id": 2}} or {@code {"@iot.selfLink": ".../Things(2)"}}. */
    public void setLink(Connection connection, long tenantId, Target target, JsonNode body) {
        run(connection, tenantId, scope -> {
            new RefLinks(scope).set(target, RefLinks.parse(target.type(), body));
            return null;
        });
    }

    /** DELETE Things(1)/Locations(2)/$ref; required relations (Datastream/Thing, ...) cannot be removed. */
    public void removeLink(Connection connection, long tenantId, Target target) {
        run(connection, tenantId, scope -> {
            new RefLinks(scope).remove(target);
            return null;
        });
    }

    private void change(Connection connection, long tenantId, Target target, JsonNode body, BodyParser.Mode mode) {
        run(connection, tenantId, scope -> {
            long id = Rows.resolveId(connection, tenantId, target);
            EntityBody entity = new BodyParser(mode, scope.now()).parse(target.type(), body, Pointer.BODY, id);
            if (!entity.isEmpty()) {
                new EntityUpdater(scope).apply(id, entity);
            }
            return null;
        });
    }

    private interface Work<T> {
        T run(WriteScope scope) throws SQLException;
    }

    private <T> T run(Connection connection, long tenantId, Work<T> work) {
        try {
            return work.run(new WriteScope(connection, tenantId, clock.instant().atOffset(ZoneOffset.UTC)));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "the entity cannot be stored", "body");
        }
    }
}

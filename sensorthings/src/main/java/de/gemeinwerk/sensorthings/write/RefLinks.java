package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.sql.Target;
import tools.jackson.databind.JsonNode;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The $ref operations: links between existing entities, added, set or removed. */
final class RefLinks {

    private static final Pattern SELF_LINK = Pattern.compile("(?:^|/)([A-Za-z]+)\\((\\d{1,18})\\)/?$");

    private final WriteScope scope;

    RefLinks(WriteScope scope) {
        this.scope = scope;
    }

    /** POST Things(1)/Locations/$ref: links one more entity to the parent of a to-many navigation. */
    void add(Target target, Ref.Existing entity) throws SQLException {
        Navigation via = target.via();
        if (via == null || !via.many() || target.id() != null) {
            throw ApiException.badRequest("add a link through a collection of related entities, e.g."
                    + " POST Things(1)/Locations/$ref", "path");
        }
        Ref.Existing parent = new Ref.Existing(target.parentType(), target.parentId(), null);
        if (MultiDatastreamRules.isPropertyLink(via)) {
            throw MultiDatastreamRules.fixedProperties("path");
        }
        if (via.relation() instanceof Relation.LinkTable) {
            // the path resolver checked the parent; checked again because a link table row has no tenant of its own
            Rows.lockForLink(scope.connection(), scope.tenantId(), parent.type(), parent.id(), null);
            Rows.lockForLink(scope.connection(), scope.tenantId(), entity.type(), entity.id(), entity.at());
            LinkTables.link(scope, target.parentType(), target.parentId(), via, List.of(entity.id()));
        } else {
            ToOneLinks.set(scope, entity, Inverses.of(target.parentType(), via), parent);
        }
    }

    /** PUT Datastreams(1)/Thing/$ref: points a to-one navigation at another entity. */
    void set(Target target, Ref.Existing entity) throws SQLException {
        Navigation via = target.via();
        if (via == null || via.many()) {
            throw ApiException.badRequest("set a link through a single related entity, e.g. PUT Datastreams(1)/Thing/$ref;"
                    + " to add one to a collection use POST", "path");
        }
        ToOneLinks.set(scope, new Ref.Existing(target.parentType(), target.parentId(), null), via, entity);
    }

    /** DELETE Things(1)/Locations(2)/$ref: only links of link tables are optional, the others are required. */
    void remove(Target target) throws SQLException {
        Navigation via = target.via();
        if (via == null || (via.many() && target.id() == null)) {
            throw ApiException.badRequest("name the link to remove, e.g. DELETE Things(1)/Locations(2)/$ref", "path");
        }
        if (MultiDatastreamRules.isPropertyLink(via)) {
            throw MultiDatastreamRules.fixedProperties("path");
        }
        if (!(via.relation() instanceof Relation.LinkTable)) {
            EntityType owner = via.many() ? target.type() : target.parentType();
            EntityType required = via.many() ? target.parentType() : target.type();
            throw ApiException.badRequest(Names.a(owner) + " cannot exist without its " + required.entityName()
                    + "; link it to another one or delete it", "path");
        }
        // the linked entity must be in the tenant and linked to the parent: exactly what the target addresses
        Rows.resolveId(scope.connection(), scope.tenantId(), target);
        LinkTables.unlink(scope, via, target.parentId(), target.id());
    }

    /** The entity a $ref body names: {@code {"@iot.id": 2}} or {@code {"@iot.selfLink": ".../Locations(2)"}}. */
    static Ref.Existing parse(EntityType type, JsonNode body) {
        Pointer at = Pointer.BODY;
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("a reference is an object: {\"@iot.id\": 1} or {\"@iot.selfLink\": \".../"
                    + type.setName() + "(1)\"}", at.where());
        }
        JsonNode id = body.get(BodyParser.ID);
        if (id != null) {
            return new Ref.Existing(type, BodyParser.id(id, at.child(BodyParser.ID)), at.child(BodyParser.ID));
        }
        JsonNode selfLink = body.get("@iot.selfLink");
        Pointer linkAt = at.child("@iot.selfLink");
        Matcher matcher = selfLink != null && selfLink.isString() ? SELF_LINK.matcher(selfLink.stringValue()) : null;
        if (matcher == null || !matcher.find() || !matcher.group(1).equals(type.setName())) {
            throw ApiException.badRequest("the reference must name " + Names.a(type) + ": {\"@iot.id\": 1} or"
                    + " {\"@iot.selfLink\": \".../" + type.setName() + "(1)\"}", (selfLink == null ? at : linkAt).where());
        }
        return new Ref.Existing(type, Long.parseLong(matcher.group(2)), linkAt);
    }
}

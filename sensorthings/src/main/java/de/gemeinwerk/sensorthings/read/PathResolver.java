package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.query.path.ResourcePath.Segment;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns a parsed resource path into a {@link Target}. Every entity on the way to the last segment is
 * looked up within the tenant, so {@code Things(1)/Datastreams} is 404 when Thing 1 does not exist
 * here (in particular when it belongs to another tenant, or is hidden from the reader) instead of an empty list.
 */
public final class PathResolver {


    private final EntityReader reader;

    public PathResolver(EntityReader reader) {
        this.reader = reader;
    }

    public ResolvedPath resolve(Connection connection, ResourcePath path, ReadScope reader) throws SQLException {
        List<Segment> segments = path.segments();
        Segment first = segments.getFirst();
        EntityType type = EntityType.bySetName(first.name()).orElseThrow(() -> ApiException.notFound(
                "there is no entity set '" + first.name() + "'; there are " + setNames()));
        Target target = first.id() == null ? Target.collection(type) : Target.entity(type, first.id());
        for (int i = 1; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            var navigation = target.type().navigation(segment.name());
            if (navigation.isEmpty()) {
                return property(target, segment, i == segments.size() - 1, path.suffix());
            }
            requireSingle(target, segment);
            long parentId = existingId(connection, target, reader);
            Navigation nav = navigation.get();
            if (segment.id() != null && !nav.many()) {
                throw ApiException.badRequest("'" + nav.name() + "' is a single entity; it takes no id", "path");
            }
            target = Target.navigation(target.type(), parentId, nav, segment.id());
        }
        if (path.suffix() == ResourcePath.Suffix.VALUE) {
            throw ApiException.badRequest("$value follows a property, e.g. Observations(1)/result/$value", "path");
        }
        return new ResolvedPath(target, null, path.suffix());
    }

    private ResolvedPath property(Target target, Segment segment, boolean last, ResourcePath.Suffix suffix) {
        String name = segment.name();
        Property property = target.type().property(name).orElseThrow(() -> ApiException.notFound(
                target.type().entityName() + " has no property or navigation '" + name + "'"));
        if (!last || segment.id() != null) {
            throw ApiException.badRequest("a property ('" + name + "') must be the last segment of the path", "path");
        }
        if (suffix == ResourcePath.Suffix.REF) {
            throw ApiException.badRequest("$ref follows an entity or a collection, not a property", "path");
        }
        requireSingle(target, segment);
        return new ResolvedPath(target, property, suffix);
    }

    private static void requireSingle(Target target, Segment next) {
        if (!target.single()) {
            throw ApiException.badRequest("name one entity, e.g. " + target.type().setName() + "(1)/" + next.name()
                    + ", before navigating to '" + next.name() + "'", "path");
        }
    }

    /** The id of the single entity the target addresses, or 404. */
    private long existingId(Connection connection, Target target, ReadScope scope) throws SQLException {
        List<EntityRow> rows = reader.read(connection, target, scope, QueryOptions.NONE,
                new Projection(target.type(), true, false, List.of(), List.of()), List.of()).rows();
        if (rows.isEmpty()) {
            throw notFound(target);
        }
        return rows.getFirst().id();
    }

    public static ApiException notFound(Target target) {
        String what = target.id() != null ? target.type().entityName() + " " + target.id()
                : "the " + target.via().name() + " of " + target.parentType().entityName() + " " + target.parentId();
        String where = target.via() != null && target.id() != null
                ? " among the " + target.via().name() + " of " + target.parentType().entityName() + " " + target.parentId()
                : "";
        return ApiException.notFound(what + " does not exist" + where);
    }

    private static List<String> setNames() {
        return java.util.Arrays.stream(EntityType.values()).map(EntityType::setName).toList();
    }
}

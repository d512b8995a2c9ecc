package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;

import java.util.ArrayList;
import java.util.List;

/**
 * A property path resolved against the model: navigation hops from a start entity, then a property
 * (null when the path ends at an entity, as the collection of a lambda does), then JSON members.
 */
record ResolvedPath(List<Navigation> hops, Property property, List<String> members) {

    static final Property ID = new Property("id", de.gemeinwerk.sensorthings.model.PropertyKind.ID, "id", false, true);

    /** Index of the first to-many hop, or -1. */
    int firstToMany() {
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).many()) {
                return i;
            }
        }
        return -1;
    }

    EntityType end(EntityType start) {
        return hops.isEmpty() ? start : hops.getLast().target();
    }

    /**
     * Resolves {@code segments} starting at {@code start}. {@code part} and {@code position} are for
     * error messages ("$filter", offset of the path).
     */
    static ResolvedPath resolve(EntityType start, List<String> segments, String part, int position) {
        List<Navigation> hops = new ArrayList<>();
        EntityType current = start;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            var nav = current.navigation(segment);
            if (nav.isPresent()) {
                hops.add(nav.get());
                current = nav.get().target();
                continue;
            }
            Property property = "id".equals(segment) || "@iot.id".equals(segment)
                    ? ID : current.property(segment).orElse(null);
            if (property == null) {
                throw new QuerySyntaxException(part, position, current.entityName() + " has no property or navigation '"
                        + segment + "'; it has " + describe(current));
            }
            List<String> members = segments.subList(i + 1, segments.size());
            if (!members.isEmpty() && !allowsMembers(property)) {
                throw new QuerySyntaxException(part, position, "'" + segment + "' of " + current.entityName()
                        + " has no members; only JSON properties (such as properties or result) do");
            }
            return new ResolvedPath(hops, property, List.copyOf(members));
        }
        return new ResolvedPath(hops, null, List.of());
    }

    private static boolean allowsMembers(Property property) {
        return switch (property.kind()) {
            case JSON, RESULT -> true;
            default -> false;
        };
    }

    static String describe(EntityType type) {
        List<String> names = new ArrayList<>(List.of("id"));
        type.properties().forEach(p -> names.add(p.name()));
        type.navigations().forEach(n -> names.add(n.name()));
        return String.join(", ", names);
    }
}

package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions.SelectItem;

import java.util.ArrayList;
import java.util.List;

/**
 * What of an entity goes into the response: all properties and navigation links by default, only the
 * selected ones with {@code $select}.
 */
public record Projection(EntityType type, boolean id, boolean selfLink, List<Property> properties,
                         List<Navigation> navigationLinks) {

    public static Projection of(EntityType type, List<SelectItem> select) {
        return of(type, select, "$select");
    }

    /**
     * As {@link #of(EntityType, List)}, with {@code part} naming the option the select items were given in for
     * error messages: "$select", or "$expand" for a nested $select (whose positions count in the $expand text).
     */
    public static Projection of(EntityType type, List<SelectItem> select, String part) {
        if (select.isEmpty()) {
            return new Projection(type, true, true, type.properties(), List.copyOf(type.navigations()));
        }
        boolean id = false;
        List<Property> properties = new ArrayList<>();
        List<Navigation> navigations = new ArrayList<>();
        for (SelectItem item : select) {
            if (item.path().size() != 1) {
                throw new QuerySyntaxException(part, item.position(),
                        "select whole properties only, e.g. $select=name,properties; '" + String.join("/", item.path())
                                + "' names a part of one");
            }
            String name = item.path().getFirst();
            var property = type.property(name);
            var navigation = type.navigation(name);
            if ("id".equals(name) || "@iot.id".equals(name)) {
                id = true;
            } else if (property.isPresent()) {
                addOnce(properties, property.get());
            } else if (navigation.isPresent()) {
                addOnce(navigations, navigation.get());
            } else {
                throw new QuerySyntaxException(part, item.position(), type.entityName() + " has no property '" + name
                        + "'");
            }
        }
        // Keep the specification's order of properties whatever order they were selected in.
        properties.sort(java.util.Comparator.comparingInt(type.properties()::indexOf));
        return new Projection(type, id, false, List.copyOf(properties), List.copyOf(navigations));
    }

    /**
     * Whether each row must say which of an Observation's two parents it has (Datastream or MultiDatastream): when
     * the links to them are shown, only the one that applies is, as the specification's examples show them.
     */
    public boolean namesObservationParent() {
        if (type != EntityType.OBSERVATION) {
            return false;
        }
        // asked once per row read: a plain loop over (at most three) links, no stream
        for (Navigation link : navigationLinks) {
            if (link.target() == EntityType.DATASTREAM || link.target() == EntityType.MULTI_DATASTREAM) {
                return true;
            }
        }
        return false;
    }

    /** The column that tells an Observation of a MultiDatastream (see {@link #namesObservationParent}). */
    public static String observationParentColumn(String alias) {
        return alias + ".multi_datastream_id is not null";
    }

    private static <T> void addOnce(List<T> list, T item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }
}

package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entity read from the database: its id, the projected property values, and expanded relations. */
public final class EntityRow {

    private final long id;
    private final Object[] values;
    // created when a relation is expanded: most rows (a page of Observations) have none
    private Map<Navigation, Expanded> expanded;
    // for an Observation read with its parent links: whether its parent is a MultiDatastream; otherwise null
    private final Boolean ofMultiDatastream;

    EntityRow(long id, Object[] values, Boolean ofMultiDatastream) {
        this.id = id;
        this.values = values;
        this.ofMultiDatastream = ofMultiDatastream;
    }

    /** An entity known only by its id (for a projection without properties). */
    public static EntityRow of(long id) {
        return new EntityRow(id, new Object[0], null);
    }

    /**
     * Whether the link to this navigation is left out: an Observation has a Datastream or a MultiDatastream, and only
     * the link to the one it has is shown.
     */
    public boolean omitsLink(Navigation navigation) {
        return ofMultiDatastream != null && (navigation.target() == EntityType.MULTI_DATASTREAM && !ofMultiDatastream
                || navigation.target() == EntityType.DATASTREAM && ofMultiDatastream);
    }

    public long id() { return id; }

    /** Values in the order of the projection's properties. */
    public Object value(int index) { return values[index]; }

    public Map<Navigation, Expanded> expanded() {
        if (expanded == null) {
            expanded = new LinkedHashMap<>();
        }
        return expanded;
    }

    /** The expanded related entities of one navigation, with the collection's count and paging. */
    public record Expanded(List<EntityRow> rows, Long count, boolean more, int top, int skip) {}
}

package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.Navigation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entity read from the database: its id, the projected property values, and expanded relations. */
public final class EntityRow {

    private final long id;
    private final Object[] values;
    private final Map<Navigation, Expanded> expanded = new LinkedHashMap<>();

    EntityRow(long id, Object[] values) {
        this.id = id;
        this.values = values;
    }

    /** An entity known only by its id (for a projection without properties). */
    public static EntityRow of(long id) {
        return new EntityRow(id, new Object[0]);
    }

    public long id() { return id; }

    /** Values in the order of the projection's properties. */
    public Object value(int index) { return values[index]; }

    public Map<Navigation, Expanded> expanded() { return expanded; }

    /** The expanded related entities of one navigation, with the collection's count and paging. */
    public record Expanded(List<EntityRow> rows, Long count, boolean more, int top, int skip) {}
}

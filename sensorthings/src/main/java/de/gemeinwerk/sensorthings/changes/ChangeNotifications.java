package de.gemeinwerk.sensorthings.changes;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.model.Relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * Reads the payloads the database's change triggers send (migrations {@code V2026.11.22.15__change_notifications} and
 * {@code V2026.11.22.35__observation_notifications_packed}): {@code O <tenant> <datastream> <ids> [<datastream> <ids>]...},
 * {@code C <table> <tenant> <ids>}, {@code U <table> <tenant> <id> <columns>}. Pure, no database.
 */
public final class ChangeNotifications {

    /** The channel the triggers notify on. */
    public static final String CHANNEL = "gemeinwerk_sta_changes";

    // the observation's typed result columns; any of them changing changes "result"
    private static final List<String> RESULT_COLUMNS = List.of("result_type", "result_number", "result_string",
            "result_boolean", "result_json");

    // public or private (migration V2026.11.22.25)
    private static final String VISIBILITY_COLUMN = "is_public";

    private ChangeNotifications() {}

    /**
     * The changes a payload announces (one per Datastream for created Observations, else at most one); none for an
     * update that touched nothing a client sees (only bookkeeping columns), or a payload of an unknown form (a newer
     * instance's, during a rolling update).
     */
    public static List<Change> parse(String payload) {
        String[] parts = payload.split(" ");
        try {
            return switch (parts[0]) {
                case "O" -> createdObservations(parts);
                case "C" -> table(parts[1]).map(type -> new Change(Change.Kind.CREATED, Long.parseLong(parts[2]), type,
                        ids(parts[3]), null, Set.of(), false)).stream().toList();
                case "U" -> table(parts[1]).flatMap(type -> updated(type, Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]), Set.of(parts[4].split(",")))).stream().toList();
                default -> List.of();
            };
        } catch (RuntimeException malformed) {
            return List.of();
        }
    }

    /** {@code O <tenant>} and one or more {@code <datastream> <ids>} pairs. */
    private static List<Change> createdObservations(String[] parts) {
        if (parts.length < 4 || parts.length % 2 != 0) {
            return List.of();
        }
        long tenantId = Long.parseLong(parts[1]);
        List<Change> changes = new ArrayList<>((parts.length - 2) / 2);
        for (int i = 2; i < parts.length; i += 2) {
            changes.add(new Change(Change.Kind.CREATED, tenantId, EntityType.OBSERVATION, ids(parts[i + 1]),
                    Long.parseLong(parts[i]), Set.of(), false));
        }
        return changes;
    }

    private static Optional<Change> updated(EntityType type, long tenantId, long id, Set<String> columns) {
        if (columns.contains(VISIBILITY_COLUMN)) {
            // only visibility.Visibility writes the column, and nothing else with it
            return Optional.of(new Change(Change.Kind.VISIBILITY, tenantId, type, new long[]{id}, null, Set.of(), false));
        }
        Set<Property> properties = new LinkedHashSet<>();
        for (Property property : type.properties()) {
            if (changed(property, columns)) {
                properties.add(property);
            }
        }
        boolean relinked = type.navigations().stream().map(Navigation::relation)
                .anyMatch(r -> r instanceof Relation.SourceColumn c && columns.contains(c.column()));
        return properties.isEmpty() && !relinked ? Optional.empty()
                : Optional.of(new Change(Change.Kind.UPDATED, tenantId, type, new long[]{id}, null, Set.copyOf(properties),
                relinked));
    }

    private static boolean changed(Property property, Set<String> columns) {
        return switch (property.kind()) {
            // the id never changes; a Datastream's time envelope lives in a table of its own
            case ID, TIME_ENVELOPE -> false;
            case TIME_INSTANT_OR_INTERVAL, TIME_INTERVAL ->
                    columns.contains(property.startColumn()) || columns.contains(property.endColumn());
            case RESULT -> RESULT_COLUMNS.stream().anyMatch(columns::contains);
            default -> columns.contains(property.column());
        };
    }

    private static Optional<EntityType> table(String table) {
        return Arrays.stream(EntityType.values()).filter(t -> t.table().equals(table)).findFirst();
    }

    /** "7,9-12" → 7, 9, 10, 11, 12 */
    static long[] ids(String text) {
        return Arrays.stream(text.split(",")).flatMapToLong(item -> {
            int dash = item.indexOf('-');
            return dash < 0 ? LongStream.of(Long.parseLong(item))
                    : LongStream.rangeClosed(Long.parseLong(item.substring(0, dash)), Long.parseLong(item.substring(dash + 1)));
        }).toArray();
    }
}

package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;

/**
 * SQL for "the target rows of a navigation from a parent": the FROM item for the target (with the link
 * table where there is one) and the condition that ties it to the parent's id. Used by paths
 * (Things(1)/Datastreams), by to-many filters (EXISTS) and by $expand (LATERAL), so each relation is
 * spelled out in one place.
 */
final class Relations {

    private Relations() {}

    /**
     * FROM item for the navigation target, aliased {@code target}, as {@code reader} may see it coming from a
     * visible parent; may add a link table alias.
     */
    static String from(Navigation nav, String target, ReadScope reader) {
        String table = reader.table(nav.target(), target, nav);
        return switch (nav.relation()) {
            case Relation.LinkTable link -> link.table() + " " + target + "_l join " + table
                    + " on " + target + ".id = " + target + "_l." + link.targetColumn();
            default -> table;
        };
    }

    /**
     * Condition tying the target alias to the parent. {@code parentId} is SQL for the parent's id
     * (a column or an expression); {@code parentAlias} is used only when the parent row holds the key.
     */
    static String condition(Navigation nav, String target, String parentAlias, String parentId) {
        return switch (nav.relation()) {
            case Relation.SourceColumn source -> target + ".id = " + parentAlias + "." + source.column();
            case Relation.TargetColumn column -> target + "." + column.column() + " = " + parentId;
            case Relation.LinkTable link -> target + "_l." + link.sourceColumn() + " = " + parentId;
        };
    }
}

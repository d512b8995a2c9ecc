package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;

/**
 * The position of each target of an ordered link table (a MultiDatastream's ObservedProperties) as an ordering key,
 * or null for navigations whose targets have no order.
 */
final class Positions {

    private Positions() {}

    /** In a page addressed through the navigation: a look-up of the link row of parent and entity. */
    static Sql ofPage(Target target, String alias) {
        if (target.via() == null || !(target.via().relation() instanceof Relation.LinkTable link)
                || link.positionColumn() == null) {
            return null;
        }
        return Sql.concat("(select p." + link.positionColumn() + " from " + link.table() + " p where p."
                + link.sourceColumn() + " = ", Sql.param(target.parentId()), " and p." + link.targetColumn() + " = "
                + alias + ".id)");
    }

    /** In an expansion, the link table is joined already (see {@link Relations#from}). */
    static Sql ofExpand(Navigation nav, String alias) {
        return nav.relation() instanceof Relation.LinkTable link && link.positionColumn() != null
                ? Sql.of(alias + "_l." + link.positionColumn()) : null;
    }
}

package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;

import java.util.List;

/**
 * One geospatial function call of a filter, resolved: which entity type owns the geometry property it
 * tests (owner and property are null when all arguments are literals), and the WKT text of the literal
 * arguments by argument index (null at the property's index).
 *
 * @param pattern the DE-9IM pattern of st_relate, else null
 * @param part    the request part the call was written in ("$filter", "$orderby", "$expand"), for error messages
 */
public record GeoCall(FunctionCall call, EntityType owner, Property property, List<String> literals, String pattern,
                      String part) {

    /** A predicate such as st_within, as opposed to geo.distance and geo.length. */
    public boolean isPredicate() {
        return !call.name().equals("geo.distance") && !call.name().equals("geo.length");
    }
}

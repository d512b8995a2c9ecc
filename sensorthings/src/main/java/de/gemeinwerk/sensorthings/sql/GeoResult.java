package de.gemeinwerk.sensorthings.sql;

/**
 * The outcome of one geospatial function call of a filter, decided in Java (no PostGIS needed) before
 * the SQL runs. The SQL then only asks "is this owner among the matching ids" or looks its value up.
 */
public sealed interface GeoResult {

    /** Both arguments were literals. {@code value} is a Boolean or a Double. */
    record Constant(Object value) implements GeoResult {}

    /** A predicate (st_within, ...): the ids of the geometry owners for which it is true. */
    record Matching(long[] ownerIds) implements GeoResult {}

    /** geo.distance / geo.length: the value per owner id. */
    record Values(long[] ownerIds, double[] values) implements GeoResult {}
}

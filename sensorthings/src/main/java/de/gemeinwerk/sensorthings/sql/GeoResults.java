package de.gemeinwerk.sensorthings.sql;

/** Lookup of the precomputed geospatial function results of one filter (see GeoFilterEvaluator). */
@FunctionalInterface
public interface GeoResults {

    GeoResults NONE = call -> null;

    /** The result for that call, or null when it was not computed. */
    GeoResult get(GeoCall call);
}

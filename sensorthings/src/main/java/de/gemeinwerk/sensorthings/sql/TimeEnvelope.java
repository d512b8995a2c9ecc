package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;

/**
 * The phenomenonTime and resultTime of a Datastream or MultiDatastream: the envelope of its Observations' times.
 * A Datastream's is kept in sta_datastream_extent by the writers (see observations.ObservationExtents) and read
 * with one primary-key lookup; storing it on the Datastream row instead would make every Observation insert update
 * that row, serialising concurrent writers of one Datastream. A MultiDatastream's is computed from the partial
 * observation indexes of MultiDatastreams (a few index descents): they are few, and their ingest stays free of any
 * maintained row.
 */
public final class TimeEnvelope {

    private TimeEnvelope() {}

    public static String start(Property property, String ownerAlias) {
        return column(property, "start", ownerAlias);
    }

    public static String end(Property property, String ownerAlias) {
        return column(property, "end", ownerAlias);
    }

    private static String column(Property property, String bound, String ownerAlias) {
        boolean phenomenon = "phenomenon_time".equals(property.column());
        // by identity: the properties of Datastream and MultiDatastream are equal records
        if (EntityType.MULTI_DATASTREAM.properties().stream().anyMatch(own -> own == property)) {
            return computed(phenomenon, bound.equals("start"), ownerAlias);
        }
        String stem = phenomenon ? "phenomenon_" : "result_";
        return "(select x." + stem + bound + " from sta_datastream_extent x where x.datastream_id = " + ownerAlias
                + ".id)";
    }

    /** From the indexes: an interval's end may lie after the latest start, so the latest end counts too. */
    private static String computed(boolean phenomenon, boolean start, String alias) {
        if (!phenomenon) {
            return observations(start ? "min" : "max", "result_time", alias);
        }
        return start ? observations("min", "phenomenon_time_start", alias)
                : "greatest(" + observations("max", "phenomenon_time_start", alias) + ", "
                        + observations("max", "phenomenon_time_end", alias) + ")";
    }

    private static String observations(String aggregate, String column, String alias) {
        return "(select " + aggregate + "(o." + column + ") from sta_observation o where o.multi_datastream_id = " + alias
                + ".id)";
    }
}

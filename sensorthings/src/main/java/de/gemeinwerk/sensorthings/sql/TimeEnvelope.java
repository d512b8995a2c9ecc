package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.Property;

/**
 * A Datastream's phenomenonTime and resultTime: the envelope of its Observations' times, kept in
 * sta_datastream_extent by the writers (see observations.ObservationExtents) and read with one primary-key
 * lookup. Storing it on the Datastream row instead would make every Observation insert update that row,
 * serialising concurrent writers of one Datastream.
 */
public final class TimeEnvelope {

    private TimeEnvelope() {}

    public static String start(Property property, String datastreamAlias) {
        return column(property, "start", datastreamAlias);
    }

    public static String end(Property property, String datastreamAlias) {
        return column(property, "end", datastreamAlias);
    }

    private static String column(Property property, String bound, String datastreamAlias) {
        String stem = "phenomenon_time".equals(property.column()) ? "phenomenon_" : "result_";
        return "(select x." + stem + bound + " from sta_datastream_extent x where x.datastream_id = " + datastreamAlias
                + ".id)";
    }
}

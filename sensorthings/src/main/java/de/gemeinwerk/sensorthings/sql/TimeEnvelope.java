package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.Property;

/**
 * A Datastream's phenomenonTime and resultTime: the envelope of its Observations' times, computed
 * from the observation indexes at read time (an index descent per bound, never a scan). Storing the
 * envelope instead would make every Observation insert update the Datastream row, serialising
 * concurrent writers of one Datastream, and would go stale on deletes.
 */
public final class TimeEnvelope {

    private TimeEnvelope() {}

    public static String start(Property property, String datastreamAlias) {
        String column = "phenomenon_time".equals(property.column()) ? "phenomenon_time_start" : "result_time";
        return "(select min(o." + column + ") from sta_observation o where o.datastream_id = " + datastreamAlias + ".id)";
    }

    public static String end(Property property, String datastreamAlias) {
        if (!"phenomenon_time".equals(property.column())) {
            return "(select max(o.result_time) from sta_observation o where o.datastream_id = " + datastreamAlias + ".id)";
        }
        return "greatest((select max(o.phenomenon_time_start) from sta_observation o where o.datastream_id = "
                + datastreamAlias + ".id), (select max(o.phenomenon_time_end) from sta_observation o where o.datastream_id = "
                + datastreamAlias + ".id))";
    }
}

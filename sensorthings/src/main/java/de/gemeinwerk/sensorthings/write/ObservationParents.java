package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;

/** An Observation belongs to exactly one Datastream or one MultiDatastream (SensorThings 1.1, MultiDatastream extension). */
final class ObservationParents {

    static final Navigation DATASTREAM = EntityType.OBSERVATION.navigation("Datastream").orElseThrow();
    static final Navigation MULTI_DATASTREAM = EntityType.OBSERVATION.navigation("MultiDatastream").orElseThrow();

    private ObservationParents() {}

    /** The one parent a new Observation's body names (or was given from its path), or a 400. */
    static Ref of(EntityBody observation) {
        Ref datastream = observation.toOne().get(DATASTREAM);
        Ref multi = observation.toOne().get(MULTI_DATASTREAM);
        if (datastream != null && multi != null) {
            // point at the one the body names, not at one given by the request path
            Navigation named = multi instanceof Ref.Existing fromPath && fromPath.at() == null ? DATASTREAM : MULTI_DATASTREAM;
            throw ApiException.badRequest("an Observation belongs to a Datastream or to a MultiDatastream, not to both",
                    observation.at().child(named.name()).where());
        }
        if (datastream == null && multi == null) {
            throw ApiException.badRequest("an Observation needs a Datastream or a MultiDatastream",
                    observation.at().where());
        }
        return datastream != null ? datastream : multi;
    }

    /** The column holding the parent of this type; the other one is null. */
    static String column(EntityType parentType) {
        return parentType == EntityType.MULTI_DATASTREAM ? "multi_datastream_id" : "datastream_id";
    }
}

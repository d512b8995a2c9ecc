package de.gemeinwerk.sensorthings.changes;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;

import java.util.Set;

/**
 * Entities of one tenant that a committed transaction created, or one entity it updated, or one Thing, Datastream or
 * MultiDatastream that became public or private ({@link Kind#VISIBILITY}: no property a client sees changed, but
 * who may see the entity did).
 *
 * @param ids          the created entities, or the one updated entity
 * @param datastreamId for created Observations, their Datastream; otherwise null
 * @param properties   for an update, the properties whose values changed; empty for a creation
 * @param relinked     for an update, whether a to-one relation (e.g. a Datastream's Thing) now points elsewhere
 */
public record Change(Kind kind, long tenantId, EntityType type, long[] ids, Long datastreamId, Set<Property> properties,
                     boolean relinked) {

    public enum Kind { CREATED, UPDATED, VISIBILITY }
}

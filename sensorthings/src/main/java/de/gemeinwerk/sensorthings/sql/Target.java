package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;

/**
 * What a resource path addresses, once its prefix has been resolved to one parent entity:
 * {@code Things(1)} → (THING, id 1); {@code Things(1)/Datastreams} → (DATASTREAM, via Thing/Datastreams
 * from parent 1); {@code Datastreams(2)/Thing} → (THING, via Datastream/Thing from parent 2, single).
 *
 * @param id        the addressed entity's id, or null for a collection or a to-one navigation
 * @param via        the navigation from the parent, or null at the service root
 * @param parentType the parent's type when {@code via} is set
 * @param parentId   the parent's id when {@code via} is set
 */
public record Target(EntityType type, Long id, Navigation via, EntityType parentType, Long parentId) {

    public static Target collection(EntityType type) {
        return new Target(type, null, null, null, null);
    }

    public static Target entity(EntityType type, long id) {
        return new Target(type, id, null, null, null);
    }

    public static Target navigation(EntityType parentType, long parentId, Navigation via, Long id) {
        return new Target(via.target(), id, via, parentType, parentId);
    }

    /** One entity rather than a collection. */
    public boolean single() {
        return id != null || (via != null && !via.many());
    }
}

package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity of a request body, validated: its property values (converted by {@link PropertyValues}) and the
 * related entities it names. Maps keep the body's order, so deep inserts happen in the order written.
 */
record EntityBody(EntityType type, Pointer at, Map<Property, Object> values, Map<Navigation, Ref> toOne,
                  Map<Navigation, List<Ref>> toMany) {

    boolean isEmpty() {
        return values.isEmpty() && toOne.isEmpty() && toMany.isEmpty();
    }

    /** A copy with one more to-one relation, e.g. the Thing a nested Datastream belongs to. */
    EntityBody withToOne(Navigation navigation, Ref ref) {
        Map<Navigation, Ref> relations = new LinkedHashMap<>(toOne);
        relations.put(navigation, ref);
        return new EntityBody(type, at, values, relations, toMany);
    }
}

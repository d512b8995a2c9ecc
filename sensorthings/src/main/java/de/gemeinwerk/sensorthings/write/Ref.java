package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;

/** A related entity in a body: an existing one named by id, or a new one to create (deep insert). */
sealed interface Ref {

    /**
     * @param at where the body names it, or null when it comes from the request path: the path resolver
     *           has checked it then, so its absence later (deleted meanwhile) is a 404, not a 400
     */
    record Existing(EntityType type, long id, Pointer at) implements Ref {}

    record New(EntityBody entity) implements Ref {}
}

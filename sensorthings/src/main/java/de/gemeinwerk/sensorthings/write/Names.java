package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;

/** Wording shared by the error messages of the writer. */
final class Names {

    private Names() {}

    /** "a Thing", "an Observation". */
    static String a(EntityType type) {
        return ("AEIOU".indexOf(type.entityName().charAt(0)) >= 0 ? "an " : "a ") + type.entityName();
    }

    /**
     * An entity that should exist in the tenant but does not (or belongs to another tenant, which must look
     * the same): 404 when the path named it, 400 at the body position otherwise.
     */
    static ApiException missing(EntityType type, long id, Pointer at) {
        String message = type.entityName() + " " + id + " does not exist";
        return at == null ? ApiException.notFound(message) : ApiException.badRequest(message, at.where());
    }
}

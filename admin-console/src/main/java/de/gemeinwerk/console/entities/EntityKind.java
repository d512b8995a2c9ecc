package de.gemeinwerk.console.entities;

import de.gemeinwerk.sensorthings.model.EntityType;

/**
 * The kinds of entities the console lists and edits alike — name, description, categories, public or private — with
 * their German path segment and their entity set in the SensorThings API.
 */
enum EntityKind {
    THINGS("dinge", EntityType.THING, "console.things"),
    DATASTREAMS("datenstroeme", EntityType.DATASTREAM, "console.datastreams");

    /** The path segments as a mapping pattern: {@code {kind:dinge|datenstroeme}}. */
    static final String PATTERN = "{kind:dinge|datenstroeme}";

    final String path;
    final EntityType type;
    /** Prefix of the page's texts in the console's messages. */
    final String messages;

    EntityKind(String path, EntityType type, String messages) {
        this.path = path;
        this.type = type;
        this.messages = messages;
    }

    static EntityKind of(String path) {
        for (EntityKind kind : values()) {
            if (kind.path.equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an entity page: " + path);
    }

    String entitySet() {
        return type.setName();
    }
}

package de.gemeinwerk.sensorthings.query.filter;

import java.util.List;

/**
 * A member path as written, split at '/': {@code name} → [name];
 * {@code Datastream/Thing/name} → [Datastream, Thing, name];
 * {@code properties/owner/email} → [properties, owner, email]; inside a lambda
 * {@code d/name} → [d, name] (the first segment is then the lambda variable).
 * The parser does not know the entity model; the compiler resolves the segments.
 */
public record PropertyPath(List<String> segments, int position) implements Expr {

    public PropertyPath {
        segments = List.copyOf(segments);
    }
}

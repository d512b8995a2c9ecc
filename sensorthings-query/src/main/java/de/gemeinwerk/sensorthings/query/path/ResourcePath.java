package de.gemeinwerk.sensorthings.query.path;

import java.util.List;

/**
 * The part of a request URL after the service root, e.g. {@code Things(1)/Datastreams},
 * {@code Datastreams(5)/Observations/$ref}, {@code Observations(7)/result/$value},
 * {@code Things(1)/Locations(2)/$ref}. Segments are checked against the entity model later.
 */
public record ResourcePath(List<Segment> segments, Suffix suffix) {

    public ResourcePath {
        segments = List.copyOf(segments);
    }

    /** {@code name} or {@code name(id)}; id is null when absent. Ids here are integers. */
    public record Segment(String name, Long id, int position) {}

    public enum Suffix { NONE, REF, VALUE }
}

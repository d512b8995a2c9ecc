package de.gemeinwerk.sensorthings.observations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Observations of one Datastream whose phenomenonTime start lies between {@code first} and {@code last} (both
 * inclusive) were added, removed or changed (time or result) other than by the insert statement — what
 * {@link DatastreamSummaries#recompute} re-derives. A null bound is open: {@code first} null means "since the
 * beginning", {@code last} null "until the end"; both null is the Datastream's whole history.
 */
public record ObservationChange(long datastreamId, Instant first, Instant last) {

    static final long HOUR_SECONDS = 3600;

    /** Everything of the Datastream may have changed (a load by COPY, a bulk change across its history). */
    public static ObservationChange everything(long datastreamId) {
        return new ObservationChange(datastreamId, null, null);
    }

    public static List<ObservationChange> everything(Collection<Long> datastreamIds) {
        return datastreamIds.stream().map(ObservationChange::everything).toList();
    }

    /** One Observation with this phenomenonTime start was deleted, moved in or out, or changed. */
    public static ObservationChange at(long datastreamId, Instant phenomenonTimeStart) {
        return new ObservationChange(datastreamId, phenomenonTimeStart, phenomenonTimeStart);
    }

    /**
     * Observations up to {@code last} (inclusive) were deleted — retention deleting oldest first: with {@code last}
     * the latest time deleted so far, re-deriving costs the rollup rows before it and the few Observations left in
     * the hour of {@code last}, however much was deleted before.
     */
    public static ObservationChange upTo(long datastreamId, Instant last) {
        return new ObservationChange(datastreamId, null, last);
    }

    /**
     * UTC hours {@code [from, to)} of one Datastream, in epoch seconds; a null bound is open. What the hourly rollup
     * recomputes.
     */
    record Hours(long datastreamId, Long from, Long to) {}

    /** A change from three columns of a row, starting at {@code column}: Datastream id, first and last time. */
    public static ObservationChange read(ResultSet rs, int column) throws SQLException {
        return new ObservationChange(rs.getLong(column), instant(rs, column + 1), instant(rs, column + 2));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The hours this change touches: from the hour of {@code first} to the end of the hour of {@code last}. */
    Hours hours() {
        return new Hours(datastreamId, first == null ? null : hourOf(first),
                last == null ? null : hourOf(last) + HOUR_SECONDS);
    }

    private static long hourOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), HOUR_SECONDS) * HOUR_SECONDS;
    }

    /**
     * The hours of these changes, disjoint per Datastream (overlapping or touching ranges merged): recomputing an
     * hour twice in one statement would count its Observations twice.
     */
    static List<Hours> mergedHours(Collection<ObservationChange> changes) {
        List<Hours> sorted = new ArrayList<>(changes.stream().map(ObservationChange::hours).toList());
        sorted.sort(Comparator.comparingLong(Hours::datastreamId)
                .thenComparing(Hours::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Hours> merged = new ArrayList<>();
        for (Hours next : sorted) {
            Hours previous = merged.isEmpty() ? null : merged.getLast();
            if (previous != null && previous.datastreamId() == next.datastreamId()
                    && (previous.to() == null || next.from() == null || next.from() <= previous.to())) {
                Long to = previous.to() == null || next.to() == null ? null : Math.max(previous.to(), next.to());
                merged.set(merged.size() - 1, new Hours(previous.datastreamId(), previous.from(), to));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }
}

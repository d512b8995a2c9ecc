package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.observations.TimeParameter;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting a tenant's old Observations, for staff (admin HTTP API and {@code admin observations delete}): of one
 * Datastream, of one MultiDatastream, or of all of the tenant's Datastreams and MultiDatastreams, older than a time —
 * always within the tenant, whose Datastreams and MultiDatastreams are the only ones named or listed. The chunked
 * deletion itself is {@link ObservationPurge} ({@code gemeinwerk.sensorthings.retention.chunk-size}, 5000 rows per
 * transaction).
 */
@Component
public class ObservationRetention {

    static final String OLDER_THAN = "olderThan";

    private static final Logger log = LoggerFactory.getLogger(ObservationRetention.class);

    private final DataSource dataSource;
    private final ObservationPurge purge;
    private final Clock clock;

    public ObservationRetention(DataSource dataSource,
                                @Value("${gemeinwerk.sensorthings.retention.chunk-size:5000}") int chunkSize) {
        this.dataSource = dataSource;
        this.purge = new ObservationPurge(dataSource, chunkSize);
        this.clock = Clock.systemUTC();
    }

    /** What was deleted: in all, and per Datastream and per MultiDatastream that lost any (in id order). */
    public record Deletion(String olderThan, long deleted, List<DatastreamDeletion> datastreams,
                           List<MultiDatastreamDeletion> multiDatastreams) {

        /** "Datastream 7: deleted 35" per parent that lost any: for the command line. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            datastreams.forEach(d -> lines.add(line(ObservationParent.datastream(d.datastream()), d.deleted())));
            multiDatastreams.forEach(m -> lines.add(line(ObservationParent.multiDatastream(m.multiDatastream()),
                    m.deleted())));
            return lines;
        }

        private static String line(ObservationParent parent, long deleted) {
            return parent + ": deleted " + deleted;
        }
    }

    public record DatastreamDeletion(long datastream, long deleted) {}

    public record MultiDatastreamDeletion(long multiDatastream, long deleted) {}

    /**
     * Deletes the Observations whose phenomenonTime lies wholly before {@code olderThan} (an ISO 8601 time with
     * offset, or a date: midnight UTC) of the tenant's Datastream {@code datastreamId}, or of its MultiDatastream
     * {@code multiDatastreamId}, or — both null — of all its Datastreams and MultiDatastreams.
     *
     * @throws ApiException 400 for a time that is not ISO 8601 or lies in the future (a typo there would delete
     *                      everything) and for both a Datastream and a MultiDatastream named; 404 for a Datastream or
     *                      MultiDatastream that is not the tenant's
     */
    public Deletion delete(long tenantId, Long datastreamId, Long multiDatastreamId, String olderThan,
                           ObservationPurge.Progress progress) {
        if (datastreamId != null && multiDatastreamId != null) {
            throw ApiException.badRequest("name a datastream or a multiDatastream, not both (neither: all of the"
                    + " tenant's)", ObservationParent.Kind.MULTI_DATASTREAM.member);
        }
        Instant cutoff = cutoff(olderThan);
        try {
            List<ObservationParent> parents = new ArrayList<>();
            if (multiDatastreamId == null) {
                parents.addAll(parents(tenantId, ObservationParent.Kind.DATASTREAM, datastreamId));
            }
            if (datastreamId == null) {
                parents.addAll(parents(tenantId, ObservationParent.Kind.MULTI_DATASTREAM, multiDatastreamId));
            }
            return delete(parents, cutoff, progress);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "the Observations cannot be deleted", "request");
        }
    }

    /** The deletion of each parent's Observations before {@code cutoff}; for policies as well. */
    Deletion delete(List<ObservationParent> parents, Instant cutoff, ObservationPurge.Progress progress)
            throws SQLException {
        List<DatastreamDeletion> datastreams = new ArrayList<>();
        List<MultiDatastreamDeletion> multiDatastreams = new ArrayList<>();
        long total = 0;
        for (ObservationParent parent : parents) {
            long deleted = purge.deleteBefore(parent, cutoff, progress);
            if (deleted > 0) {
                switch (parent.kind()) {
                    case DATASTREAM -> datastreams.add(new DatastreamDeletion(parent.id(), deleted));
                    case MULTI_DATASTREAM -> multiDatastreams.add(new MultiDatastreamDeletion(parent.id(), deleted));
                }
                total += deleted;
                log.info("deleted {} Observations of {} older than {}", deleted, parent, cutoff);
            }
        }
        return new Deletion(cutoff.toString(), total, datastreams, multiDatastreams);
    }

    Instant cutoff(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("olderThan is required: an ISO 8601 time with an offset, such as"
                    + " 2025-01-01T00:00:00Z, or a date such as 2025-01-01", OLDER_THAN);
        }
        Instant cutoff = TimeParameter.parse(text, OLDER_THAN, "2025-01-01");
        if (cutoff.isAfter(clock.instant())) {
            throw ApiException.badRequest("olderThan " + cutoff + " lies in the future; deleting up to then would"
                    + " delete every Observation (is the year right?)", OLDER_THAN);
        }
        return cutoff;
    }

    /** The parent of this kind if it is the tenant's (404 otherwise), or, {@code id} null, all of the tenant's. */
    private List<ObservationParent> parents(long tenantId, ObservationParent.Kind kind, Long id) throws SQLException {
        List<ObservationParent> parents = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id from " + kind.table
                     + " where tenant_id = ? and (?::bigint is null or id = ?) order by id")) {
            statement.setLong(1, tenantId);
            statement.setObject(2, id, Types.BIGINT);
            statement.setObject(3, id, Types.BIGINT);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    parents.add(new ObservationParent(kind, rs.getLong(1)));
                }
            }
        }
        if (id != null && parents.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "this tenant has no " + kind.entityName + " " + id, kind.member);
        }
        return parents;
    }
}

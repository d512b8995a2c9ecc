package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.error.ApiException;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting a tenant's old Observations, for staff (admin HTTP API and {@code admin observations delete}): of one
 * Datastream or of all of the tenant's, older than a time — always within the tenant, whose Datastreams are the only
 * ones named or listed. The chunked deletion itself is {@link ObservationPurge}
 * ({@code gemeinwerk.sensorthings.retention.chunk-size}, 5000 rows per transaction).
 */
@Component
public class ObservationRetention {

    static final String OLDER_THAN = "olderThan";
    static final String DATASTREAM = "datastream";

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

    /** What was deleted: in all, and per Datastream that lost any (in id order). */
    public record Deletion(String olderThan, long deleted, List<DatastreamDeletion> datastreams) {}

    public record DatastreamDeletion(long datastream, long deleted) {}

    /**
     * Deletes the Observations of the tenant's Datastream {@code datastreamId} (null: of all its Datastreams) whose
     * phenomenonTime lies wholly before {@code olderThan}: an ISO 8601 time with offset, or a date (midnight UTC).
     *
     * @throws ApiException 400 for a time that is not ISO 8601 or lies in the future (a typo there would delete
     *                      everything); 404 for a Datastream that is not the tenant's
     */
    public Deletion delete(long tenantId, Long datastreamId, String olderThan, ObservationPurge.Progress progress) {
        Instant cutoff = cutoff(olderThan);
        try {
            List<Long> datastreams = datastreams(tenantId, datastreamId);
            return delete(datastreams, cutoff, progress);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "the Observations cannot be deleted", "request");
        }
    }

    /** The deletion of each Datastream's Observations before {@code cutoff}; for policies as well. */
    Deletion delete(List<Long> datastreams, Instant cutoff, ObservationPurge.Progress progress) throws SQLException {
        List<DatastreamDeletion> deletions = new ArrayList<>();
        long total = 0;
        for (long datastream : datastreams) {
            long deleted = purge.deleteBefore(datastream, cutoff, progress);
            if (deleted > 0) {
                deletions.add(new DatastreamDeletion(datastream, deleted));
                total += deleted;
                log.info("deleted {} Observations of Datastream {} older than {}", deleted, datastream, cutoff);
            }
        }
        return new Deletion(cutoff.toString(), total, deletions);
    }

    Instant cutoff(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("olderThan is required: an ISO 8601 time with an offset, such as"
                    + " 2025-01-01T00:00:00Z, or a date such as 2025-01-01", OLDER_THAN);
        }
        Instant cutoff;
        try {
            cutoff = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("olderThan '" + text + "' is not an ISO 8601 time with an offset, such as"
                    + " 2025-01-01T00:00:00Z, nor a date such as 2025-01-01", OLDER_THAN);
        }
        if (cutoff.isAfter(clock.instant())) {
            throw ApiException.badRequest("olderThan " + cutoff + " lies in the future; deleting up to then would"
                    + " delete every Observation (is the year right?)", OLDER_THAN);
        }
        return cutoff;
    }

    /** The Datastream if it is the tenant's (404 otherwise), or all of the tenant's Datastreams. */
    private List<Long> datastreams(long tenantId, Long datastreamId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select id from sta_datastream where tenant_id = ? and (?::bigint is null or id = ?) order by id")) {
            statement.setLong(1, tenantId);
            statement.setObject(2, datastreamId, Types.BIGINT);
            statement.setObject(3, datastreamId, Types.BIGINT);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (datastreamId != null && ids.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND,
                    "this tenant has no Datastream " + datastreamId, DATASTREAM);
        }
        return ids;
    }
}

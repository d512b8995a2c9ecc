package de.gemeinwerk.platform.jobs;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The job rows (table {@code job}); every read is scoped by tenant. A running job whose heartbeat is older than
 * {@link #HEARTBEAT_LOST} reads as interrupted: its instance died (killed, crashed, lost its database) without being
 * able to say so, and nobody else will ever carry it on.
 */
@Component
class JobStore {

    /** How often a running job's instance writes its heartbeat at the least (also when no item finished meanwhile). */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** Six missed heartbeats: long enough for a busy database or a GC pause, short enough for an admin waiting. */
    static final Duration HEARTBEAT_LOST = HEARTBEAT.multipliedBy(6);

    private static final TypeReference<List<ItemError>> ERRORS = new TypeReference<>() {
    };
    private static final String SELECT = """
            select id, kind, total, done, failed, errors::text as errors, failure, started_by, started_at, finished_at,
                   case when state = 'running' and heartbeat_at < now() - make_interval(secs => %d) then 'interrupted'
                        else state end as state
            from job""".formatted(HEARTBEAT_LOST.toSeconds());

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Job> rows;

    JobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = (rs, n) -> {
            List<ItemError> errors = json.readValue(rs.getString("errors"), ERRORS);
            int failed = rs.getInt("failed");
            return new Job(rs.getLong("id"), rs.getString("kind"), JobState.parse(rs.getString("state")),
                    rs.getInt("total"), rs.getInt("done"), failed, errors, failed - errors.size(),
                    rs.getString("failure"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
                    instant(rs.getTimestamp("finished_at")));
        };
    }

    Job create(long tenantId, String kind, String startedBy, int total) {
        long id = jdbc.sql("insert into job (tenant_id, kind, started_by, total)"
                        + " values (:tenant, :kind, :by, :total) returning id")
                .param("tenant", tenantId).param("kind", kind).param("by", startedBy).param("total", total)
                .query(Long.class).single();
        return find(tenantId, id).orElseThrow();
    }

    Optional<Job> find(long tenantId, long id) {
        return jdbc.sql(SELECT + " where tenant_id = :tenant and id = :id").param("tenant", tenantId).param("id", id)
                .query(rows).optional();
    }

    /** The tenant's latest jobs, newest first. */
    List<Job> recent(long tenantId, int limit) {
        return jdbc.sql(SELECT + " where tenant_id = :tenant order by id desc limit :limit")
                .param("tenant", tenantId).param("limit", limit).query(rows).list();
    }

    /** Stores progress and beats the heart, unless the job has ended meanwhile (its last word stays). */
    void progress(long id, JobProgress.Snapshot progress) {
        jdbc.sql("""
                        update job set done = :done, failed = :failed, errors = cast(:errors as jsonb), heartbeat_at = now()
                        where id = :id and state = 'running'""")
                .param("id", id).param("done", progress.done()).param("failed", progress.failed())
                .param("errors", json.writeValueAsString(progress.errors())).update();
    }

    void end(long id, JobState state, JobProgress.Snapshot progress, String failure) {
        jdbc.sql("""
                        update job set state = :state, done = :done, failed = :failed, errors = cast(:errors as jsonb),
                               failure = :failure, finished_at = now(), heartbeat_at = now()
                        where id = :id and state = 'running'""")
                .param("id", id).param("state", state.value()).param("done", progress.done())
                .param("failed", progress.failed()).param("errors", json.writeValueAsString(progress.errors()))
                .param("failure", failure, Types.VARCHAR).update();
    }

    /** Marks jobs interrupted that did not say so themselves in time (shutdown). */
    void interrupt(Collection<Long> ids) {
        jdbc.sql("update job set state = 'interrupted', finished_at = now() where id = any(:ids) and state = 'running'")
                .param("ids", ids.toArray(Long[]::new)).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

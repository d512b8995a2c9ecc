package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored retention policies (table sta_retention_policy): per tenant a default "keep N days", and per Datastream
 * an override — another number of days, or null for "keep forever". MultiDatastreams have no override: they follow
 * the tenant's default. {@link RetentionJob} applies them. Every statement names the tenant; a Datastream of another
 * tenant is not found.
 */
@Component
public class RetentionPolicies {

    static final String KEEP_DAYS = "keepDays";
    private static final int MAX_DAYS = 36_500;

    private final JdbcClient jdbc;

    public RetentionPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A tenant's policy: the default (null: keep forever) and the Datastreams that differ from it. */
    public record Policy(Integer keepDays, List<DatastreamPolicy> datastreams) {}

    /** @param keepDays null: this Datastream's Observations are kept forever, whatever the default */
    public record DatastreamPolicy(long datastream, Integer keepDays) {}

    /** A Datastream or MultiDatastream whose Observations are due to be thinned, and after how many days. */
    record Due(ObservationParent parent, int keepDays) {}

    public Policy get(long tenantId) {
        Integer keepDays = jdbc.sql("select keep_days from sta_retention_policy where tenant_id = ? and datastream_id is null")
                .param(tenantId).query(Integer.class).optional().orElse(null);
        List<DatastreamPolicy> datastreams = jdbc.sql("""
                        select datastream_id, keep_days from sta_retention_policy
                        where tenant_id = ? and datastream_id is not null order by datastream_id""")
                .param(tenantId)
                .query((rs, row) -> new DatastreamPolicy(rs.getLong(1), (Integer) rs.getObject(2))).list();
        return new Policy(keepDays, datastreams);
    }

    /** Sets the tenant's default; null removes it (keep forever). */
    public Policy setDefault(long tenantId, Integer keepDays) {
        if (keepDays == null) {
            jdbc.sql("delete from sta_retention_policy where tenant_id = ? and datastream_id is null").param(tenantId).update();
        } else {
            jdbc.sql("""
                            insert into sta_retention_policy (tenant_id, keep_days) values (?, ?)
                            on conflict (tenant_id) where datastream_id is null do update set keep_days = excluded.keep_days""")
                    .param(tenantId).param(validDays(keepDays)).update();
        }
        return get(tenantId);
    }

    /** Sets a Datastream's own number of days (null: keep forever); 404 if the Datastream is not the tenant's. */
    public Policy setForDatastream(long tenantId, long datastreamId, Integer keepDays) {
        int stored = jdbc.sql("""
                        insert into sta_retention_policy (tenant_id, datastream_id, keep_days)
                        select tenant_id, id, ? from sta_datastream where id = ? and tenant_id = ?
                        on conflict (datastream_id) where datastream_id is not null do update set keep_days = excluded.keep_days""")
                .param(1, keepDays == null ? null : validDays(keepDays), Types.INTEGER).param(2, datastreamId)
                .param(3, tenantId)
                .update();
        if (stored == 0) {
            throw notFound(datastreamId);
        }
        return get(tenantId);
    }

    /** The Datastream follows the tenant's default again; 404 if it had no policy of its own in this tenant. */
    public Policy removeForDatastream(long tenantId, long datastreamId) {
        int removed = jdbc.sql("delete from sta_retention_policy where tenant_id = ? and datastream_id = ?")
                .param(tenantId).param(datastreamId).update();
        if (removed == 0) {
            throw notFound(datastreamId);
        }
        return get(tenantId);
    }

    /**
     * Every Datastream of every tenant that has a number of days to keep — its own, else its tenant's default — and
     * every MultiDatastream of a tenant with a default.
     */
    List<Due> due() {
        List<Due> due = new ArrayList<>(jdbc.sql("""
                        select d.id, case when own.tenant_id is not null then own.keep_days else tenant.keep_days end
                        from sta_datastream d
                        left join sta_retention_policy own on own.datastream_id = d.id
                        left join sta_retention_policy tenant on tenant.tenant_id = d.tenant_id and tenant.datastream_id is null
                        where case when own.tenant_id is not null then own.keep_days else tenant.keep_days end is not null
                        order by d.id""")
                .query((rs, row) -> new Due(ObservationParent.datastream(rs.getLong(1)), rs.getInt(2))).list());
        due.addAll(jdbc.sql("""
                        select m.id, tenant.keep_days from sta_multi_datastream m
                        join sta_retention_policy tenant on tenant.tenant_id = m.tenant_id and tenant.datastream_id is null
                        order by m.id""")
                .query((rs, row) -> new Due(ObservationParent.multiDatastream(rs.getLong(1)), rs.getInt(2))).list());
        return due;
    }

    private static int validDays(int keepDays) {
        if (keepDays < 1 || keepDays > MAX_DAYS) {
            throw ApiException.badRequest("keepDays must be a whole number of days from 1 to " + MAX_DAYS + ", not "
                    + keepDays, KEEP_DAYS);
        }
        return keepDays;
    }

    private static ApiException notFound(long datastreamId) {
        return new ApiException(HttpStatus.NOT_FOUND, "this tenant has no Datastream " + datastreamId
                + " with a retention policy of its own", ObservationParent.Kind.DATASTREAM.member);
    }
}

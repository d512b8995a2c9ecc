package de.gemeinwerk.sensorthings.sql;

/**
 * Observations have no tenant_id column (8 bytes × millions of rows): they belong to the tenant of their
 * Datastream or MultiDatastream, whichever of the two they have.
 */
public final class ObservationTenancy {

    private ObservationTenancy() {}

    /** SQL condition that the Observation at {@code alias} belongs to the tenant. */
    public static Sql condition(String alias, long tenantId) {
        return Sql.concat("(" + alias + ".datastream_id in (select d.id from sta_datastream d where d.tenant_id = ",
                Sql.param(tenantId), ") or " + alias + ".multi_datastream_id in (select m.id from sta_multi_datastream m"
                        + " where m.tenant_id = ", Sql.param(tenantId), "))");
    }
}

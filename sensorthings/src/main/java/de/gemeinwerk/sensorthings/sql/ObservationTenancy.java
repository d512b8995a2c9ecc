package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;

/**
 * Observations have no tenant_id column (8 bytes × millions of rows): they belong to the tenant of their
 * Datastream or MultiDatastream, whichever of the two they have — and are visible when that one is.
 * <p>
 * The tenant id is written into the text, not bound: it comes from the tenant table, never from a request, and so the
 * same condition serves inside the derived table of visible Observations ({@link ReadScope#table}), which has no
 * parameters — the (Multi)Datastreams are then selected once per statement and only the tenant's.
 */
public final class ObservationTenancy {

    private ObservationTenancy() {}

    /** SQL condition that the Observation at {@code alias} belongs to the scope's tenant and is visible in it. */
    public static Sql condition(String alias, ReadScope scope) {
        return Sql.of(text(alias, scope));
    }

    static String text(String alias, ReadScope scope) {
        return "(" + alias + ".datastream_id in (select d.id from " + scope.table(EntityType.DATASTREAM, "d")
                + " where d.tenant_id = " + scope.tenantId() + ") or " + alias + ".multi_datastream_id in (select m.id from "
                + scope.table(EntityType.MULTI_DATASTREAM, "m") + " where m.tenant_id = " + scope.tenantId() + "))";
    }
}

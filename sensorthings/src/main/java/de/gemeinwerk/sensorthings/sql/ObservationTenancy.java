package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;

/**
 * Observations have no tenant_id column (8 bytes × millions of rows): they belong to the tenant of their
 * Datastream or MultiDatastream, whichever of the two they have — and are visible when that one is.
 * <p>
 * As a statement's own condition the tenant id is bound, so every tenant shares one statement text (and the driver's
 * prepared statements). Only inside the derived table of visible Observations ({@link ReadScope#table}), which has no
 * parameters and is written for readers kept from private entities alone, is it written into the text: it comes from
 * the tenant table, never from a request, and the (Multi)Datastreams are then selected once per statement.
 */
public final class ObservationTenancy {

    private ObservationTenancy() {}

    /** SQL condition that the Observation at {@code alias} belongs to the scope's tenant and is visible in it. */
    public static Sql condition(String alias, ReadScope scope) {
        return condition(alias, scope, Sql.param(scope.tenantId()));
    }

    /** The same condition with the tenant id in the text, for the derived table of visible Observations. */
    static String text(String alias, ReadScope scope) {
        return condition(alias, scope, Sql.of(String.valueOf(scope.tenantId()))).text();
    }

    private static Sql condition(String alias, ReadScope scope, Sql tenant) {
        return Sql.concat("(" + alias + ".datastream_id in (select d.id from " + scope.table(EntityType.DATASTREAM, "d")
                + " where d.tenant_id = ", tenant, ") or " + alias + ".multi_datastream_id in (select m.id from "
                + scope.table(EntityType.MULTI_DATASTREAM, "m") + " where m.tenant_id = ", tenant, "))");
    }
}

package de.gemeinwerk.sensorthings.sql;

/**
 * The tenant a statement is confined to, and whether it has MultiDatastreams. A tenant's Observations are those of
 * its Datastreams and of its MultiDatastreams; most tenants have no MultiDatastream, and for them the condition
 * names Datastreams alone — a plain IN that PostgreSQL turns into a semi-join driven by the tenant's Datastreams
 * and their index, where an OR of two would leave it a filter over the whole table (slow for a small tenant among
 * big ones).
 *
 * @param multiDatastreams false only when the tenant is known to have none
 */
public record Tenancy(long id, boolean multiDatastreams) {

    /** A tenant of whom it is not known whether it has MultiDatastreams: both kinds of Observations count. */
    public static Tenancy of(long id) {
        return new Tenancy(id, true);
    }
}

package de.gemeinwerk.platform.access;

import de.gemeinwerk.platform.tenant.Tenant;

/**
 * A granted request on a tenant: the tenant, and whether the caller may see what the tenant keeps private from the
 * public (SensorThings' private Things and Datastreams) — true for a key of this tenant (any role) and for an
 * instance admin key, false for no key and for another tenant's key on a tenant with public reads.
 */
public record Access(Tenant tenant, boolean seesPrivate) {}

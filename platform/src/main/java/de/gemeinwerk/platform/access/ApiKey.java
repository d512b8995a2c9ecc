package de.gemeinwerk.platform.access;

import java.time.Instant;

/**
 * An API key as stored, without its secret.
 *
 * @param tenantId   the tenant it acts for; null for an instance-level key
 * @param lastUsedAt when it was last seen, to within {@link ApiKeys#CACHE_TTL}; null if never
 * @param revokedAt  null while it is valid
 */
public record ApiKey(long id, Long tenantId, String name, Role role, Instant createdAt, Instant lastUsedAt,
                     Instant revokedAt) {

    /** An instance-level admin key may do everything on every tenant. */
    public boolean isInstanceAdmin() {
        return tenantId == null && role == Role.ADMIN;
    }
}

package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.access.Role;

import java.time.Instant;

/**
 * A staff account of the admin console, without its password hash.
 *
 * @param tenantId    the tenant whose console it may enter; null for an instance operator (every tenant's)
 * @param login       the login name, lowercase, unique per tenant
 * @param lastLoginAt null if it never signed in
 */
public record StaffAccount(long id, Long tenantId, String login, String displayName, Role role, boolean disabled,
                           Instant createdAt, Instant lastLoginAt) {
}

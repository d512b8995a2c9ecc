package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;

/**
 * Who is signed in to a tenant's console: all a console page knows of its user, however they signed in (a local
 * password today, an OIDC provider later).
 *
 * @param tenant    the tenant whose console this is (an instance operator gets the one of the URL)
 * @param accountId the {@link StaffAccount}'s id
 */
public record StaffMember(Tenant tenant, long accountId, String displayName, Role role) {
}

package de.gemeinwerk.console.signin;

import de.gemeinwerk.platform.accounts.StaffSessions;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The one way the console learns who is signed in to a tenant's console. Pages never see how: today a session cookie
 * started by the local login ({@link SessionCookie}); an OIDC login would start the same kind of session after its
 * callback, so this stays as it is. Another implementation (e.g. an authenticating reverse proxy's header) would
 * replace the bean, not the pages.
 */
public interface SignedInStaff {

    /** The signed-in person with their session's CSRF token, or empty (then the console asks to sign in). */
    Optional<StaffSessions.Resolved> find(HttpServletRequest request, Tenant tenant);
}

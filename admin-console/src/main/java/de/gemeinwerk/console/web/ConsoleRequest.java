package de.gemeinwerk.console.web;

import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the sign-in check ({@code signin.ConsoleAccess}) found out about a console request, kept as request attributes
 * for the pages: the tenant of the URL, and who is signed in with their session's CSRF token. Pages get the
 * {@link StaffMember} as a handler parameter and the rest through the model ({@link ConsoleModel}).
 */
public final class ConsoleRequest {

    private static final String TENANT = ConsoleRequest.class.getName() + ".tenant";
    private static final String STAFF = ConsoleRequest.class.getName() + ".staff";
    private static final String CSRF = ConsoleRequest.class.getName() + ".csrf";

    private ConsoleRequest() {}

    /** The console root of a tenant, {@code /{slug}/verwaltung/}: every page's path starts with it. */
    public static String root(Tenant tenant) {
        return "/" + tenant.slug() + "/verwaltung/";
    }

    public static void tenant(HttpServletRequest request, Tenant tenant) {
        request.setAttribute(TENANT, tenant);
    }

    public static void signedIn(HttpServletRequest request, StaffMember staff, String csrfToken) {
        request.setAttribute(STAFF, staff);
        request.setAttribute(CSRF, csrfToken);
    }

    /** The URL's tenant, or null before the sign-in check ran (not a console page). */
    public static Tenant tenant(HttpServletRequest request) {
        return (Tenant) request.getAttribute(TENANT);
    }

    /** Who is signed in, or null on the login page. */
    public static StaffMember staff(HttpServletRequest request) {
        return (StaffMember) request.getAttribute(STAFF);
    }

    public static String csrf(HttpServletRequest request) {
        return (String) request.getAttribute(CSRF);
    }
}

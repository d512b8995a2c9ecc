package de.gemeinwerk.console.signin;

import de.gemeinwerk.platform.accounts.StaffSession;
import de.gemeinwerk.platform.accounts.StaffSessions;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The console's session cookie: only the session's random token (its hash is the row's key), HttpOnly so no script
 * reads it, SameSite=Strict so no other site's page can send it along (the first defence against CSRF; the form
 * tokens are the second), Secure when the request came over https, and without Max-Age: the server decides when a
 * session ends ({@link StaffSessions}), the browser forgets it when closed.
 */
@Component
public class SessionCookie implements SignedInStaff {

    static final String NAME = "gemeinwerk-console";

    /** Set by the console's scripts on requests they make on their own (status polling), not for a person's action. */
    public static final String BACKGROUND = "X-Gemeinwerk-Background";

    private final StaffSessions sessions;

    SessionCookie(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<StaffSessions.Resolved> find(HttpServletRequest request, Tenant tenant) {
        return sessions.resolve(token(request), tenant, request.getHeader(BACKGROUND) == null);
    }

    void set(StaffSession session, HttpServletRequest request, HttpServletResponse response) {
        write(session.token(), -1, request, response);
    }

    /** Ends the session and tells the browser to forget the cookie. */
    void end(HttpServletRequest request, HttpServletResponse response) {
        sessions.end(token(request));
        write("", 0, request, response);
    }

    private static void write(String value, long maxAge, HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Strict")
                .secure(request.isSecure()).maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    static String token(HttpServletRequest request) {
        return cookie(request, NAME);
    }

    static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}

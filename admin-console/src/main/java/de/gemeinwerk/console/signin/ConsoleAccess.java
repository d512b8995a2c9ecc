package de.gemeinwerk.console.signin;

import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.platform.accounts.StaffSessions;
import de.gemeinwerk.platform.logging.LogContext;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;
import java.util.Optional;

/**
 * The sign-in check in front of every console page ({@code /{tenant}/verwaltung/**}): finds the URL's tenant (404
 * page if none), lets the login page through, sends anyone without a session of this tenant (or an instance
 * operator's) to the login page with the way back ({@code 303 anmelden?weiter=…}), and refuses every POST without the
 * session's CSRF token (403). Console pages are never cached: they show what only staff may see.
 */
@Component
public class ConsoleAccess implements HandlerInterceptor {

    private final Tenants tenants;
    private final SignedInStaff signedIn;

    ConsoleAccess(Tenants tenants, SignedInStaff signedIn) {
        this.tenants = tenants;
        this.signedIn = signedIn;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "same-origin");
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Tenant tenant = tenants.find(variables == null ? null : variables.get("tenant"))
                .orElseThrow(ConsoleNotFound::new);
        MDC.put(LogContext.TENANT, tenant.slug());
        ConsoleRequest.tenant(request, tenant);
        if (method.getBeanType().isAnnotationPresent(SignInNotNeeded.class)) {
            return true;
        }
        Optional<StaffSessions.Resolved> who = signedIn.find(request, tenant);
        if (who.isEmpty()) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, loginPage(tenant, request));
            return false;
        }
        if ("POST".equals(request.getMethod())
                && !Csrf.matches(who.get().csrfToken(), request.getParameter(Csrf.FIELD))) {
            throw new CsrfRefused();
        }
        ConsoleRequest.signedIn(request, who.get().member(), who.get().csrfToken());
        return true;
    }

    /** The login page, with the page asked for as the way back (a GET's only: a POST cannot be repeated by a link). */
    private static String loginPage(Tenant tenant, HttpServletRequest request) {
        UriComponentsBuilder login = UriComponentsBuilder.fromPath(ConsoleRequest.root(tenant) + LoginController.PATH);
        if ("GET".equals(request.getMethod())) {
            String wanted = request.getRequestURI().substring(request.getContextPath().length())
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            login.queryParam(LoginController.RETURN, ReturnPath.safe(wanted, tenant.slug()));
        }
        return login.encode().build().toUriString();
    }
}

package de.gemeinwerk.console.signin;

import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.platform.access.ApiKeySecrets;
import de.gemeinwerk.platform.accounts.LocalLogin;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with a local account ({@code anmelden}). The login form has no session yet,
 * so its CSRF token is a double-submit one: a random value in a SameSite=Strict cookie and in the form, which must
 * agree (another site can neither read nor set that cookie). Wrong login and wrong password get the same answer.
 */
@Controller
@SignInNotNeeded
class LoginController {

    static final String PATH = "anmelden";
    static final String RETURN = "weiter";
    private static final String LOGIN_COOKIE = "gemeinwerk-console-login";

    private final LocalLogin localLogin;
    private final SessionCookie sessionCookie;

    LoginController(LocalLogin localLogin, SessionCookie sessionCookie) {
        this.localLogin = localLogin;
        this.sessionCookie = sessionCookie;
    }

    @GetMapping("/{tenant}/verwaltung/" + PATH)
    String form(@RequestParam(name = RETURN, required = false) String wanted, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        Tenant tenant = ConsoleRequest.tenant(request);
        if (sessionCookie.find(request, tenant).isPresent()) {
            return "redirect:" + ReturnPath.safe(wanted, tenant.slug());
        }
        return page(wanted, "", new FormErrors(), request, response, model);
    }

    @PostMapping("/{tenant}/verwaltung/" + PATH)
    String signIn(@RequestParam(name = "login", defaultValue = "") String login,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = RETURN, required = false) String wanted,
                  @RequestParam(name = Csrf.FIELD, required = false) String csrf,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Tenant tenant = ConsoleRequest.tenant(request);
        if (!Csrf.matches(SessionCookie.cookie(request, LOGIN_COOKIE), csrf)) {
            throw new CsrfRefused();
        }
        FormErrors errors = new FormErrors();
        if (login.isBlank()) {
            errors.add("login", "console.login.error.login");
        }
        if (password.isEmpty()) {
            errors.add("password", "console.login.error.password");
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(wanted, login, errors, request, response, model);
        }
        LocalLogin.Outcome outcome = localLogin.signIn(tenant, login, password, request.getRemoteAddr());
        switch (outcome) {
            case LocalLogin.Outcome.SignedIn signedIn -> {
                sessionCookie.set(signedIn.session(), request, response);
                return "redirect:" + ReturnPath.safe(wanted, tenant.slug());
            }
            case LocalLogin.Outcome.Refused refused -> {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                errors.add("login", "console.login.error.refused");
            }
            case LocalLogin.Outcome.Throttled throttled -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds() + 1));
                model.addAttribute("waitMinutes", Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60));
                errors.add("login", "console.login.error.throttled");
            }
        }
        return page(wanted, login, errors, request, response, model);
    }

    private static String page(String wanted, String login, FormErrors errors, HttpServletRequest request,
                               HttpServletResponse response, Model model) {
        String token = ApiKeySecrets.generate();
        Tenant tenant = ConsoleRequest.tenant(request);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LOGIN_COOKIE, token)
                .path(ConsoleRequest.root(tenant)).httpOnly(true).sameSite("Strict").secure(request.isSecure())
                .build().toString());
        model.addAttribute("csrf", token);
        model.addAttribute("login", login);
        model.addAttribute("wanted", ReturnPath.safe(wanted, tenant.slug()));
        model.addAttribute("errors", errors);
        model.addAttribute("signedOut", request.getParameter("abgemeldet") != null);
        return "console/login";
    }
}

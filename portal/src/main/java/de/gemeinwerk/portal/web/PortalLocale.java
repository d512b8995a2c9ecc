package de.gemeinwerk.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * The language of the pages: German first, English when chosen. {@code ?lang=en} (or {@code de}) on any page chooses
 * and keeps the choice in a cookie; without a choice it is German, whatever the browser prefers, because the portal's
 * content (names of places and measurements) is German anyway. Only the two languages with messages are accepted, so
 * an unknown {@code lang} never leads to a missing message. The admin console uses the same (one cookie, one choice).
 */
public final class PortalLocale implements LocaleResolver, HandlerInterceptor {

    public static final String PARAMETER = "lang";
    static final String COOKIE = "gemeinwerk-lang";
    public static final Locale DEFAULT = Locale.GERMAN;
    private static final String ATTRIBUTE = PortalLocale.class.getName();
    private static final int COOKIE_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale chosen = supported(request.getParameter(PARAMETER));
        if (chosen != null) {
            setLocale(request, response, chosen);
        }
        return true;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Locale locale) {
            return locale;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                Locale locale = COOKIE.equals(cookie.getName()) ? supported(cookie.getValue()) : null;
                if (locale != null) {
                    return locale;
                }
            }
        }
        return DEFAULT;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = locale == null ? DEFAULT : supported(locale.getLanguage());
        request.setAttribute(ATTRIBUTE, supported == null ? DEFAULT : supported);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, (supported == null ? DEFAULT : supported).getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(COOKIE_SECONDS);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }

    /** German or English for "de"/"en"; null for anything else. */
    static Locale supported(String language) {
        if ("de".equals(language)) {
            return Locale.GERMAN;
        }
        if ("en".equals(language)) {
            return Locale.ENGLISH;
        }
        return null;
    }
}

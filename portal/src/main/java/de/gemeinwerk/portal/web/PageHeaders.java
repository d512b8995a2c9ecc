package de.gemeinwerk.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Headers of every portal and console page: the Content-Security-Policy without a tile server (the map page widens it
 * for its tenant's tiles) and no MIME sniffing.
 */
public final class PageHeaders implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.of(null));
        response.setHeader("X-Content-Type-Options", "nosniff");
        return true;
    }
}

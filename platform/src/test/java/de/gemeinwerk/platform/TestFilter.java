package de.gemeinwerk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Fails outside Spring MVC, where only the servlet container's error handling can answer. */
@Component
class TestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (request.getRequestURI()) {
            case "/test/filter-failure" -> throw new IllegalStateException("secret filter detail");
            case "/test/filter-refusal" -> response.sendError(HttpServletResponse.SC_FORBIDDEN, "secret reason");
            default -> chain.doFilter(request, response);
        }
    }
}

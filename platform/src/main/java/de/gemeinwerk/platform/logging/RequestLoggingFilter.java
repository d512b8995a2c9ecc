package de.gemeinwerk.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives each request an id (the caller's {@code X-Request-Id} if it is a plausible one), returns it as a header, puts
 * it into the MDC and logs one line per request: method, path, status, duration in ms. Runs first so that the id is
 * in every log line of the request, and the line is written even when a later filter fails.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLoggingFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(RequestLoggingFilter.class);
    // anything else could forge log lines or blow them up
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String requestId = requestId(request.getHeader(REQUEST_ID_HEADER));
        MDC.put(LogContext.REQUEST_ID, requestId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // an exception escaping the chain becomes a 500 only after this filter, in the container
            int status = failed ? 500 : response.getStatus();
            log.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), status,
                    (System.nanoTime() - started) / 1_000_000);
            MDC.remove(LogContext.REQUEST_ID);
            MDC.remove(LogContext.TENANT);
        }
    }

    private static String requestId(String incoming) {
        if (incoming != null && PLAUSIBLE_ID.matcher(incoming).matches()) {
            return incoming;
        }
        // no UUID: randomUUID() draws from SecureRandom, which is slower and contended, and an id needs no secrecy
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}

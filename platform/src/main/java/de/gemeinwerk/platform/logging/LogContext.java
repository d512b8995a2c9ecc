package de.gemeinwerk.platform.logging;

/**
 * Names of the logging MDC entries set per request; the log pattern ({@code logging.pattern.level} in
 * gemeinwerk-platform-defaults.properties) shows both.
 */
public final class LogContext {

    /** Slug of the tenant the request is for, set by {@code TenantAccess}. */
    public static final String TENANT = "tenant";

    /** Id of the request, set by {@link RequestLoggingFilter} and returned as {@code X-Request-Id}. */
    public static final String REQUEST_ID = "requestId";

    private LogContext() {
    }
}

package de.gemeinwerk.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The body of every error response, an RFC 9457 problem detail ({@code application/problem+json}), with two extension
 * members: {@code where} (the offending part of the request) and {@code errorId} (for unexpected errors, the id under
 * which the stack trace was logged). Only {@code instance} (absent when the request line was unreadable), {@code where}
 * and {@code errorId} may be missing.
 */
public record Problem(String type, String title, int status, String detail,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String instance,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String where,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String errorId) {

    /** The WWW-Authenticate challenge that goes with a 401 (RFC 6750): send an API key as a bearer token. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"gemeinwerk\"";

    public static Problem of(HttpStatusCode status, String detail, String instance, String where) {
        return new Problem("about:blank", title(status), status.value(), detail, instance, where, null);
    }

    static Problem unexpected(HttpStatusCode status, String errorId, String instance) {
        return new Problem("about:blank", title(status), status.value(),
                "An unexpected error occurred. Please report error id " + errorId + " to the operator.",
                instance, null, errorId);
    }

    static Problem transientFailure(String errorId, String instance) {
        return new Problem("about:blank", title(HttpStatus.SERVICE_UNAVAILABLE), HttpStatus.SERVICE_UNAVAILABLE.value(),
                "The database is busy or unavailable; the request was not carried out. Please send it again.",
                instance, null, errorId);
    }

    /** A detail for a status when there is nothing more specific to say. */
    static String genericDetail(HttpStatusCode status) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return "There is no resource at this URL.";
        }
        return title(status) + ".";
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}

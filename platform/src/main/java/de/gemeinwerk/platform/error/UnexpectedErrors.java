package de.gemeinwerk.platform.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a bug (or an outage) into a response that reveals nothing of the server's inner workings: the stack trace is
 * logged under a short random error id, and only that id goes to the client, so an operator can find the log entry.
 */
final class UnexpectedErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    private UnexpectedErrors() {
    }

    /**
     * A transient database failure (deadlock, timeout, database unavailable): the request was not carried out and may
     * be sent again. Logged as one warning line (no stack trace: it is not a bug), under an error id all the same.
     */
    static Problem reportTransient(Throwable cause, String instance) {
        String errorId = newErrorId();
        log.warn("Transient database error {} on {}: {}", errorId, instance, rootMessage(cause));
        return Problem.transientFailure(errorId, instance);
    }

    static Problem report(HttpStatusCode status, Throwable cause, String instance) {
        String errorId = newErrorId();
        log.error("Unexpected error {} (status {}) on {}", errorId, status.value(), instance, cause);
        return Problem.unexpected(status, errorId, instance);
    }

    private static String newErrorId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

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
public final class UnexpectedErrors {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    private UnexpectedErrors() {
    }

    /**
     * Logs {@code cause} with its stack trace under a new error id and returns the id, the only part that may be
     * shown (also where no HTTP response carries it, e.g. a per-item error of a background job).
     *
     * @param context where it happened, for the log line
     */
    public static String log(Throwable cause, String context) {
        String errorId = newErrorId();
        log.error("Unexpected error {} {}", errorId, context, cause);
        return errorId;
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
        return Problem.unexpected(status, log(cause, "(status " + status.value() + ") on " + instance), instance);
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

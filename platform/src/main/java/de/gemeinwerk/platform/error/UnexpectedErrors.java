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

    static Problem report(HttpStatusCode status, Throwable cause, String instance) {
        String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        log.error("Unexpected error {} (status {}) on {}", errorId, status.value(), instance, cause);
        return Problem.unexpected(status, errorId, instance);
    }
}

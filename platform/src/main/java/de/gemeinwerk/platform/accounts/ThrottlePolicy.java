package de.gemeinwerk.platform.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a login must wait after failed attempts (per tenant, login name and client address): the first
 * {@link #FREE_FAILURES} cost nothing (typos), then the wait doubles from 30 seconds up to 15 minutes. Enough to make
 * guessing hopeless (a few hundred tries a day) without locking out the rightful person for long. Failures older
 * than {@link #FORGET_AFTER} are forgotten. Pure.
 */
public final class ThrottlePolicy {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);

    private ThrottlePolicy() {}

    /** How long after the last failure the next attempt must wait, given {@code failures} so far. */
    public static Duration waitAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** How much longer an attempt at {@code now} must wait; zero when it may go ahead. */
    public static Duration remaining(int failures, Instant lastFailure, Instant now) {
        if (lastFailure == null || lastFailure.plus(FORGET_AFTER).isBefore(now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastFailure.plus(waitAfter(failures)));
        return left.isNegative() ? Duration.ZERO : left;
    }
}

package de.gemeinwerk.platform.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a login must wait after failed attempts: the first {@code freeFailures} cost nothing (typos), then the wait
 * doubles from 30 seconds up to 15 minutes. Enough to make guessing hopeless (a few hundred tries a day) without
 * locking out the rightful person for long. Failures older than {@link #FORGET_AFTER} are forgotten. Pure.
 *
 * @param freeFailures failures before the first wait
 */
public record ThrottlePolicy(int freeFailures) {

    /** Per tenant, login name and client address: what a person mistyping meets. */
    public static final ThrottlePolicy PER_ADDRESS = new ThrottlePolicy(5);
    /**
     * Per tenant and login name from any address: client addresses can be many (or, behind a proxy that passes
     * {@code X-Forwarded-For} on, made up), so guessing one account from many addresses is throttled too — later, so
     * that others' failures lock the rightful person out rarely and briefly.
     */
    public static final ThrottlePolicy PER_LOGIN = new ThrottlePolicy(20);

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);

    /** How long after the last failure the next attempt must wait, given {@code failures} so far. */
    public Duration waitAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** How much longer an attempt at {@code now} must wait; zero when it may go ahead. */
    public Duration remaining(int failures, Instant lastFailure, Instant now) {
        if (lastFailure == null || lastFailure.plus(FORGET_AFTER).isBefore(now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, lastFailure.plus(waitAfter(failures)));
        return left.isNegative() ? Duration.ZERO : left;
    }
}

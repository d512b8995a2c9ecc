package de.gemeinwerk.platform.accounts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTest {

    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void theFirstFailuresCostNothingThenTheWaitDoublesUpToAQuarterHour() {
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(0)).isZero();
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(4)).isZero();
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ThrottlePolicy.PER_ADDRESS.waitAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theRemainingWaitCountsFromTheLastFailure() {
        assertThat(ThrottlePolicy.PER_ADDRESS.remaining(5, T, T.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        assertThat(ThrottlePolicy.PER_ADDRESS.remaining(5, T, T.plusSeconds(30))).isZero();
        assertThat(ThrottlePolicy.PER_ADDRESS.remaining(4, T, T)).isZero();
        assertThat(ThrottlePolicy.PER_ADDRESS.remaining(0, null, T)).isZero();
    }

    @Test
    void theLoginWideCountStartsWaitingLater() {
        assertThat(ThrottlePolicy.PER_LOGIN.waitAfter(19)).isZero();
        assertThat(ThrottlePolicy.PER_LOGIN.waitAfter(20)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresOlderThanADayAreForgotten() {
        assertThat(ThrottlePolicy.PER_ADDRESS.remaining(100, T, T.plus(Duration.ofHours(25)))).isZero();
        assertThat(ThrottlePolicy.PER_ADDRESS.remaining(100, T, T.plus(Duration.ofMinutes(14)))).isEqualTo(Duration.ofMinutes(1));
    }
}

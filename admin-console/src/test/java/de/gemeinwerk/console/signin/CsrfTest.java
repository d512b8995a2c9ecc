package de.gemeinwerk.console.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTest {

    @Test
    void onlyTheSameTokenMatches() {
        assertThat(Csrf.matches("gw_abc", "gw_abc")).isTrue();
        assertThat(Csrf.matches("gw_abc", "gw_abd")).isFalse();
        assertThat(Csrf.matches("gw_abc", "gw_ab")).isFalse();
        assertThat(Csrf.matches("gw_abc", "")).isFalse();
        assertThat(Csrf.matches("gw_abc", null)).isFalse();
        // no session token: nothing matches, not even nothing
        assertThat(Csrf.matches(null, null)).isFalse();
        assertThat(Csrf.matches("", "")).isFalse();
    }
}

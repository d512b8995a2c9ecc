package de.gemeinwerk.console.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnPathTest {

    private static final String HOME = "/musterstadt/verwaltung/";

    @Test
    void pathsOfTheSameConsoleAreKept() {
        assertThat(ReturnPath.safe("/musterstadt/verwaltung/datenstroeme/4?gespeichert", "musterstadt"))
                .isEqualTo("/musterstadt/verwaltung/datenstroeme/4?gespeichert");
        assertThat(ReturnPath.safe(HOME, "musterstadt")).isEqualTo(HOME);
    }

    @Test
    void everythingElseLeadsToTheOverview() {
        for (String wanted : new String[] {null, "", "https://evil.example/musterstadt/verwaltung/",
                "//evil.example/musterstadt/verwaltung/", "/nachbarort/verwaltung/dinge", "/musterstadt/portal/",
                "/musterstadt/verwaltung//evil.example", "/musterstadt/verwaltung/../../nachbarort/verwaltung/",
                "/musterstadt/verwaltung/%2e%2e/%2E%2E/x", "/musterstadt/verwaltung/\\evil", "/musterstadt/verwaltung/\r\nX: y",
                "/musterstadt/verwaltung", "/musterstadt/verwaltungen/", "/musterstadt/verwaltung/{x}",
                "/musterstadt/verwaltung/%7Bx%7D/../{y}", "/musterstadt/verwaltung/a?b={c}", "/musterstadt/verwaltung/a b",
                "/musterstadt/verwaltung/.."}) {
            assertThat(ReturnPath.safe(wanted, "musterstadt")).as(wanted).isEqualTo(HOME);
        }
    }
}

package de.gemeinwerk.portal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

    @Test
    void withoutTilesEverythingComesFromThisServer() {
        assertThat(ContentSecurityPolicy.of(null)).contains("default-src 'self'", "img-src 'self' data:;",
                "connect-src 'self'", "script-src 'self';").doesNotContain("http");
    }

    @Test
    void tilesWidenOnlyTheImages() {
        assertThat(ContentSecurityPolicy.of("https://tiles.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: https://tiles.example.org;", "connect-src 'self';");
        assertThat(ContentSecurityPolicy.tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.org");
        assertThat(ContentSecurityPolicy.tileSource("http://karten.example.org:8080/wmts/{z}/{x}/{y}"))
                .isEqualTo("http://karten.example.org:8080");
        assertThat(ContentSecurityPolicy.tileSource("https://tiles-{s}.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https:");
    }
}

package de.gemeinwerk.sensorthings.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Prefer: return=minimal} is recognised however RFC 7240 lets a client write it. */
class PreferHeaderTest {

    private static boolean minimal(String... headers) {
        return WriteEndpoint.prefersMinimal(List.of(headers));
    }

    @Test
    void recognisesTheMinimalPreferenceAloneAmongOthersAndInAnyCase() {
        assertThat(minimal("return=minimal")).isTrue();
        assertThat(minimal("respond-async, return=minimal")).isTrue();
        assertThat(minimal("respond-async", "Return = Minimal")).isTrue();
    }

    @Test
    void anythingElseMeansTheFullRepresentation() {
        assertThat(minimal()).isFalse();
        assertThat(minimal("return=representation")).isFalse();
        assertThat(minimal("return=minimalist")).isFalse();
    }
}

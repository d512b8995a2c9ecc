package de.gemeinwerk.sensorthings.api;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Prefer: return=minimal} is recognised however RFC 7240 lets a client write it. */
class PreferHeaderTest {

    private static boolean minimal(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        for (String header : headers) {
            request.addHeader("Prefer", header);
        }
        return WriteEndpoint.prefersMinimal(request);
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

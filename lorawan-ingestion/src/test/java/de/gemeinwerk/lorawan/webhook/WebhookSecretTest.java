package de.gemeinwerk.lorawan.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretTest {

    @Test
    void bearerAndBasicPasswordCarryTheSecret() {
        assertThat(WebhookAuthentication.secret("Bearer gw_abc")).isEqualTo("gw_abc");
        assertThat(WebhookAuthentication.secret("bearer  gw_abc ")).isEqualTo("gw_abc");
        assertThat(WebhookAuthentication.secret("Basic " + basic("tts:gw_abc"))).isEqualTo("gw_abc");
        assertThat(WebhookAuthentication.secret("Basic " + basic(":gw_a:b"))).isEqualTo("gw_a:b");
    }

    @Test
    void anythingElseCarriesNone() {
        assertThat(WebhookAuthentication.secret(null)).isNull();
        assertThat(WebhookAuthentication.secret("Digest x")).isNull();
        assertThat(WebhookAuthentication.secret("Basic not*base64")).isNull();
        assertThat(WebhookAuthentication.secret("Basic " + basic("no-colon"))).isNull();
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}

package de.gemeinwerk.platform.secrets;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(SecretBox.newKey());

    @Test
    void opensWhatItSealed() {
        String sealed = box.seal("NNSXS.geheim-äöü", "mqtt-connection/1");

        assertThat(sealed).startsWith("v1:" + box.keyId() + ":").doesNotContain("geheim");
        assertThat(box.open(sealed, "mqtt-connection/1")).isEqualTo("NNSXS.geheim-äöü");
        assertThat(box.open(box.seal("", "c"), "c")).isEmpty();
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        // a fresh nonce per value: equal passwords do not show as equal values in the database
        assertThat(box.seal("same", "c")).isNotEqualTo(box.seal("same", "c"));
    }

    @Test
    void detectsAnAlteredValue() {
        String sealed = box.seal("secret", "c");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        raw[raw.length - 20] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> box.open(altered, "c")).isInstanceOf(SecretException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void doesNotOpenInAnotherContext() {
        String sealed = box.seal("secret", "mqtt-connection/1");

        assertThatThrownBy(() -> box.open(sealed, "mqtt-connection/2")).isInstanceOf(SecretException.class)
                .hasMessageContaining("mqtt-connection/2");
    }

    @Test
    void namesTheKeysWhenTheKeyIsWrong() {
        String sealed = box.seal("secret", "c");
        SecretBox other = new SecretBox(SecretBox.newKey());

        assertThatThrownBy(() -> other.open(sealed, "c")).isInstanceOf(SecretException.class)
                .hasMessageContaining("sealed with key " + box.keyId())
                .hasMessageContaining("configured key is " + other.keyId());
    }

    @Test
    void refusesWhatIsNotASealedValue() {
        assertThatThrownBy(() -> box.open("plain password", "c")).isInstanceOf(SecretException.class)
                .hasMessageContaining("Not a sealed secret");
        assertThatThrownBy(() -> box.open("v1:" + box.keyId() + ":%%%", "c")).isInstanceOf(SecretException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> box.open("v1:" + box.keyId() + ":AAAA", "c")).isInstanceOf(SecretException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}

package de.gemeinwerk.platform.tenant;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A logo's type comes from its first bytes, never from a name or a claimed type. */
class TenantLogosTest {

    @Test
    void recognisesTheFourFormatsByTheirSignature() {
        assertThat(TenantLogos.mediaType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo("image/png");
        assertThat(TenantLogos.mediaType(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0))).isEqualTo("image/jpeg");
        assertThat(TenantLogos.mediaType(bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P', 'V')))
                .isEqualTo("image/webp");
        assertThat(TenantLogos.mediaType(text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEqualTo("image/svg+xml");
        assertThat(TenantLogos.mediaType(text("\uFEFF<?xml version=\"1.0\"?>\n<!-- Wappen -->\n<!DOCTYPE svg>\n<svg>")))
                .isEqualTo("image/svg+xml");
    }

    @Test
    void refusesEverythingElse() {
        for (byte[] content : new byte[][] {text("<html><svg></svg></html>"), text("<svgx>"), text("GIF89a"),
                bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'), bytes(0x89, 'P', 'N'), new byte[0],
                text("%PDF-1.7")}) {
            assertThatThrownBy(() -> TenantLogos.mediaType(content)).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).where()).isEqualTo("logo");
        }
    }

    @Test
    void refusesMoreThan512KiB() {
        byte[] big = new byte[TenantLogos.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> TenantLogos.mediaType(big)).hasMessageContaining("512 KiB");
        assertThat(TenantLogos.mediaType(java.util.Arrays.copyOf(big, TenantLogos.MAX_BYTES))).isEqualTo("image/jpeg");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

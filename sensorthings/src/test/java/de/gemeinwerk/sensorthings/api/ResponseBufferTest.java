package de.gemeinwerk.sensorthings.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseBufferTest {

    /** Bytes 0, 1, 2, ... (mod 251, so no chunk boundary lines up with the pattern). */
    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private static byte[] sent(ResponseBuffer buffer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        buffer.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void holdsWhatWasWrittenAcrossManyChunksInWritesOfAnySize() throws IOException {
        byte[] expected = pattern(3_000_000); // more than 1 MB chunks: the chunk size stops growing
        ResponseBuffer buffer = new ResponseBuffer();
        Random random = new Random(7);
        int at = 0;
        while (at < expected.length) {
            if (random.nextInt(10) == 0) {
                buffer.write(expected[at++]);
            } else {
                int n = Math.min(expected.length - at, random.nextInt(20_000));
                buffer.write(expected, at, n);
                at += n;
            }
        }
        assertThat(buffer.size()).isEqualTo(expected.length);
        assertThat(sent(buffer)).isEqualTo(expected);
        assertThat(buffer.toByteArray()).isEqualTo(expected);
    }

    @Test
    void fillsAChunkToItsEndBeforeStartingTheNext() throws IOException {
        byte[] expected = pattern(8 * 1024 + 1);
        ResponseBuffer buffer = new ResponseBuffer();
        buffer.write(expected, 0, 8 * 1024);
        buffer.write(expected, 8 * 1024, 1);
        assertThat(sent(buffer)).isEqualTo(expected);
    }

    @Test
    void givenBytesAreTheBodyAsTheyAre() throws IOException {
        byte[] body = pattern(100);
        ResponseBuffer buffer = ResponseBuffer.of(body);
        assertThat(buffer.size()).isEqualTo(100);
        assertThat(buffer.toByteArray()).isSameAs(body);
        assertThat(sent(buffer)).isEqualTo(body);
    }

    @Test
    void anEmptyBodyHasNoBytes() throws IOException {
        assertThat(ResponseBuffer.empty().size()).isZero();
        assertThat(ResponseBuffer.empty().toByteArray()).isEmpty();
        assertThat(sent(new ResponseBuffer())).isEmpty();
        assertThat(new ResponseBuffer().toByteArray()).isEmpty();
    }
}

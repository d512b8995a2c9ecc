package de.gemeinwerk.lorawan.decoder;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderSandboxConcurrencyTest {

    @Test
    void manyThreadsDecodingAtOnceGetTheirOwnRightAnswers() throws Exception {
        // 16 threads on a few cores wait for each other: a wall-time limit far above a decode's own time
        DecoderSandbox sandbox = new DecoderSandbox(Duration.ofSeconds(10), DecoderSandbox.DEFAULT_MEMORY_LIMIT);
        List<CodecExamples> examples = CodecExamples.all();
        // a decoder whose globals would collide if calls shared a scope
        String perCall = "var seen = input => input.bytes[0]; function decodeUplink(input) { var mine = seen(input);"
                + " for (var i = 0; i < 200; i++) globalValue = mine; return {data: {b: globalValue}}; }";
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<?>> results = new ArrayList<>();
            for (int task = 0; task < 64; task++) {
                int offset = task;
                results.add(threads.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        CodecExamples example = examples.get((offset + round) % examples.size());
                        String decoder = BuiltInDecoders.source(example.deviceType()).orElseThrow();
                        assertThat(sandbox.decode(decoder, example.fromHex(), example.fPort(), Instant.now()).data())
                                .isEqualTo(example.expected());
                        byte b = (byte) (offset * 7 + round);
                        assertThat(sandbox.decode(perCall, new byte[] {b}, 1, Instant.now()).data().get("b").asInt())
                                .isEqualTo(b & 0xff);
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        }
    }
}

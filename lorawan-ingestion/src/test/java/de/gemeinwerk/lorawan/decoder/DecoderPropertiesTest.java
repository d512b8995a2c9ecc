package de.gemeinwerk.lorawan.decoder;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderPropertiesTest {

    private static DecoderProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("gemeinwerk.lorawan.decoder", DecoderProperties.class);
    }

    @Test
    void defaultsAre50MillisecondsAnd16MiB() {
        DecoderProperties defaults = bind(Map.of());
        assertThat(defaults.timeLimit()).isEqualTo(DecoderSandbox.DEFAULT_TIME_LIMIT);
        assertThat(defaults.memoryLimit().toBytes()).isEqualTo(DecoderSandbox.DEFAULT_MEMORY_LIMIT);
    }

    @Test
    void limitsAreConfigurable() {
        DecoderProperties properties = bind(Map.of("gemeinwerk.lorawan.decoder.time-limit", "20ms",
                "gemeinwerk.lorawan.decoder.memory-limit", "4MB"));
        assertThat(properties.timeLimit()).isEqualTo(Duration.ofMillis(20));
        assertThat(properties.memoryLimit().toBytes()).isEqualTo(4L * 1024 * 1024);
        DecoderSandbox sandbox = new DecoderConfiguration().decoderSandbox(properties);
        DecoderSandboxTest.fails(() -> sandbox.decode("function decodeUplink() { while (true) {} }", new byte[0], 1,
                java.time.Instant.EPOCH), DecoderException.Kind.TIMEOUT, "time limit of 20 ms");
    }
}

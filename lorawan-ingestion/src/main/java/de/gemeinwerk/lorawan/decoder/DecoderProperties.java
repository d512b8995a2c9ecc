package de.gemeinwerk.lorawan.decoder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Budget of one payload-decoder call.
 *
 * @param timeLimit   wall time of one call, e.g. {@code 50ms}
 * @param memoryLimit bytes the call may allocate (garbage included), e.g. {@code 16MB}
 */
@ConfigurationProperties("gemeinwerk.lorawan.decoder")
public record DecoderProperties(@DefaultValue("50ms") Duration timeLimit, @DefaultValue("16MB") DataSize memoryLimit) {
}

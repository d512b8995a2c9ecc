package de.gemeinwerk.lorawan.decoder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's one decoder sandbox (one shared scope, one cache of compiled decoders). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DecoderProperties.class)
public class DecoderConfiguration {

    @Bean
    DecoderSandbox decoderSandbox(DecoderProperties properties) {
        return new DecoderSandbox(properties.timeLimit(), properties.memoryLimit().toBytes());
    }
}

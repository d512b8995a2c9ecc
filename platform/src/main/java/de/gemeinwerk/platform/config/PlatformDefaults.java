package de.gemeinwerk.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code gemeinwerk-platform-defaults.properties} as the source of lowest precedence, so every setting there
 * (actuator exposure, graceful shutdown, error handling, log pattern...) applies unless application.yml, the
 * environment or the command line says otherwise. An environment post-processor rather than
 * {@code @PropertySource}, because logging is configured before any {@code @Configuration} class is read.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "gemeinwerk-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource(RESOURCE, new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("the platform jar always contains " + RESOURCE, e);
        }
    }
}

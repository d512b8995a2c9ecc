package de.gemeinwerk.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stands in for the server module's application class in this module's tests. */
@SpringBootApplication
public class PlatformTestApplication {
}

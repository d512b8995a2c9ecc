package de.gemeinwerk.sensorthings;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stands in for the server's application class in this module's tests: platform plus SensorThings. */
@SpringBootApplication(scanBasePackages = {"de.gemeinwerk.platform", "de.gemeinwerk.sensorthings"})
public class SensorThingsTestApplication {
}

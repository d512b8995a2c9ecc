package de.gemeinwerk.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stands in for the server's application class in this module's tests: everything the console builds on, and it. */
@SpringBootApplication(scanBasePackages = {"de.gemeinwerk.platform", "de.gemeinwerk.sensorthings", "de.gemeinwerk.portal",
        "de.gemeinwerk.lorawan", "de.gemeinwerk.console"})
public class ConsoleTestApplication {
}

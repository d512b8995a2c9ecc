package de.gemeinwerk.lorawan;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stands in for the server's application class in this module's tests: platform, SensorThings and LoRaWAN. */
@SpringBootApplication(scanBasePackages = {"de.gemeinwerk.platform", "de.gemeinwerk.sensorthings", "de.gemeinwerk.lorawan"})
public class LorawanTestApplication {
}

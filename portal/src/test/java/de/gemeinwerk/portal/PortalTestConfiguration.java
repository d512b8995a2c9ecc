package de.gemeinwerk.portal;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Adds the portal to the SensorThings test application (which scans platform and SensorThings). */
@Configuration
@ComponentScan("de.gemeinwerk.portal")
class PortalTestConfiguration {
}

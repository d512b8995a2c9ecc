package de.gemeinwerk.sensorthings;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the SensorThings API on a real port and a real embedded PostgreSQL in a temporary
 * directory. All tests with this annotation share one Spring context and one database; each test class
 * works in its own tenants (see {@link StaClient#newTenant}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SensorThingsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true", "gemeinwerk.sensorthings.max-top=50"})
public @interface SensorThingsTest {
}

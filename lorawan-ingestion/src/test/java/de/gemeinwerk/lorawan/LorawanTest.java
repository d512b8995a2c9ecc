package de.gemeinwerk.lorawan;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the LoRaWAN endpoints on a real port and a real embedded PostgreSQL in a temporary directory.
 * All tests with this annotation share one Spring context and one database; each test class works in its own
 * tenants.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = LorawanTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true",
                // a database that does not answer is noticed within 2 s (DatabaseUnavailableTest), not 10
                "gemeinwerk.lorawan.ingest.timeout-millis=2000"})
public @interface LorawanTest {
}

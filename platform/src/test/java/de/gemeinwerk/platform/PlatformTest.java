package de.gemeinwerk.platform;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the whole platform on a real port and a real embedded PostgreSQL in a temporary directory. All tests
 * with this annotation share one Spring context and so one database server; make test data unique (e.g. slugs).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gemeinwerk.database.embedded.temporary=true")
public @interface PlatformTest {
}

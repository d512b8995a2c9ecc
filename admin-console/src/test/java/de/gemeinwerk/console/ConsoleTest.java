package de.gemeinwerk.console;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the console against the whole application part it needs on a real port and a real embedded PostgreSQL in
 * a temporary directory. All tests with this annotation share one context; each test class works in its own tenants.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(classes = ConsoleTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true"})
public @interface ConsoleTest {
}

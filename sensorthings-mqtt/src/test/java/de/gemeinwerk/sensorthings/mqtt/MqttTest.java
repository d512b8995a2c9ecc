package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.sensorthings.SensorThingsTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the SensorThings API over real HTTP and the embedded MQTT broker on a free port of loopback, on a
 * real embedded PostgreSQL in a temporary directory. All tests with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SensorThingsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true", "gemeinwerk.mqtt.port=0",
                "gemeinwerk.mqtt.host=127.0.0.1"})
public @interface MqttTest {
}

package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.LorawanTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The LoRaWAN application on a real port and a temporary embedded PostgreSQL, with a {@link RecordingSink} as the
 * uplink sink (so what the MQTT connections deliver can be looked at) and short reconnect waits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {LorawanTestApplication.class, MqttTest.Sink.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true",
                "gemeinwerk.lorawan.mqtt.reconnect-min=500ms", "gemeinwerk.lorawan.mqtt.reconnect-max=2s",
                "gemeinwerk.lorawan.mqtt.refused-pause=500ms", "gemeinwerk.lorawan.mqtt.claim-interval=500ms"})
@interface MqttTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Sink {
        @Bean
        @Primary
        RecordingSink recordingSink() {
            return new RecordingSink();
        }
    }
}

package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a new connection that the HTTP test does not go through, and the reconnect waits. */
class MqttConnectionRequestTest {

    @Test
    void acceptsTheThingsStackOpenSourceWithoutTenant() {
        var connection = new MqttConnectionRequest("TTS", "the-things-stack", "ssl://tts.example.org:8883",
                "municipal-sensors", "NNSXS.KEY", "municipal-sensors", null).validate();

        assertThat(connection.networkServer()).isEqualTo(NetworkServer.THE_THINGS_STACK);
        assertThat(connection.username()).isEqualTo("municipal-sensors");
    }

    @Test
    void acceptsAChirpStackBrokerWithoutCredentialsAndWritesTheUuidInLowercase() {
        var connection = new MqttConnectionRequest(" ChirpStack ", "chirpstack", "tcp://10.0.0.5", null, null,
                "B2D4F6A8-3C5E-4F70-8A92-1B3C5D7E9F01", null).validate();

        assertThat(connection.name()).isEqualTo("ChirpStack");
        // ChirpStack writes the UUID in lowercase into its topics, and topics are case-sensitive
        assertThat(connection.applicationId()).isEqualTo("b2d4f6a8-3c5e-4f70-8a92-1b3c5d7e9f01");
    }

    @Test
    void refusesACaCertificateWithoutTls() {
        assertThatThrownBy(() -> new MqttConnectionRequest("x", "chirpstack", "tcp://10.0.0.5", null, null,
                "b2d4f6a8-3c5e-4f70-8a92-1b3c5d7e9f01", "-----BEGIN CERTIFICATE-----").validate())
                .isInstanceOf(ApiException.class).hasMessageContaining("ssl://")
                .extracting(e -> ((ApiException) e).where()).isEqualTo("body: /caCertificate");
    }

    @Test
    void refusesAnApplicationIdThatWouldWidenTheTopic() {
        assertThatThrownBy(() -> new MqttConnectionRequest("x", "the-things-stack", "ssl://tts.example.org:8883",
                "#", "k", "#", null).validate())
                .extracting(e -> ((ApiException) e).where()).isEqualTo("body: /applicationId");
    }

    @Test
    void doublesTheReconnectWaitUpToTheMaximum() {
        MqttProperties timing = new MqttProperties(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(15));

        assertThat(timing.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(timing.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(timing.backoff(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(timing.backoff(1000)).isEqualTo(Duration.ofSeconds(60));
    }
}

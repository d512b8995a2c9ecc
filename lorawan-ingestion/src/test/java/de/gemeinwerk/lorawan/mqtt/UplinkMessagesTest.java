package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading MQTT payloads: uplinks, recognised other messages, and what can never be read. */
class UplinkMessagesTest {

    @Test
    void readsTheSamplesOfBothNetworkServers() {
        assertThat(UplinkMessages.read(NetworkServer.CHIRPSTACK, LorawanClient.sample("chirpstack-v4/up-nps405.json")))
                .isInstanceOf(UplinkMessages.Read.AnUplink.class);
        assertThat(UplinkMessages.read(NetworkServer.THE_THINGS_STACK, LorawanClient.sample("tts-v3/uplink-nps405.json")))
                .isInstanceOf(UplinkMessages.Read.AnUplink.class);
        assertThat(UplinkMessages.read(NetworkServer.THE_THINGS_STACK, LorawanClient.sample("tts-v3/mqtt-join.json")))
                .isInstanceOf(UplinkMessages.Read.NotAnUplink.class);
    }

    @Test
    void readsWhatIsNotJsonAsChirpStacksProtobufEncoding() {
        // field 1 (deduplicationId), length 36, but only 3 bytes follow: a Protobuf message cut short
        byte[] truncatedProtobuf = {0x0a, 0x24, 0x34, 0x66, 0x63};

        assertThat(UplinkMessages.read(NetworkServer.CHIRPSTACK, truncatedProtobuf))
                .isInstanceOfSatisfying(UplinkMessages.Read.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).startsWith("Malformed Protobuf message"));
    }

    @Test
    void saysWhereAMalformedUplinkIsWrong() {
        byte[] noDevEui = "{\"deviceInfo\": {}}".getBytes(StandardCharsets.UTF_8);

        assertThat(UplinkMessages.read(NetworkServer.CHIRPSTACK, noDevEui))
                .isInstanceOfSatisfying(UplinkMessages.Read.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).contains("/deviceInfo/devEui"));
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker's answers to what a client library would never send, byte by byte (MQTT 3.1.1 and 5.0 packets). */
class MqttProtocolTest extends MqttTestBase {

    private byte[] exchange(int... packet) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
            socket.setSoTimeout(5_000);
            byte[] bytes = new byte[packet.length];
            for (int i = 0; i < packet.length; i++) {
                bytes[i] = (byte) packet[i];
            }
            socket.getOutputStream().write(bytes);
            InputStream in = socket.getInputStream();
            // everything until the broker closes the connection
            return in.readAllBytes();
        }
    }

    @Test
    void anMqtt5ClientIsRefusedWithUnsupportedProtocolVersion() throws IOException {
        // CONNECT, protocol "MQTT" level 5, clean start, keep-alive 60, no properties, client id "a"
        byte[] answer = exchange(0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 60, 0, 0, 1, 'a');
        // CONNACK (MQTT 5 form): no session, reason code 0x84, no properties
        assertThat(answer).containsExactly(0x20, 3, 0, 0x84, 0);
    }

    @Test
    void anUnknownProtocolLevelIsRefusedAsMqtt311Demands() throws IOException {
        byte[] answer = exchange(0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 9, 0x02, 0, 60, 0, 1, 'a');
        // CONNACK return code 0x01: unacceptable protocol version
        assertThat(answer).containsExactly(0x20, 2, 0, 1);
    }

    @Test
    void aPacketBeforeConnectEndsTheConnection() throws IOException {
        // PINGREQ without CONNECT
        assertThat(exchange(0xC0, 0)).isEmpty();
    }

    @Test
    void anMqtt311ClientWithoutAKeyIsAcceptedAndAnsweredPing() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(new byte[]{0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 1, 'a',
                    (byte) 0xC0, 0});
            assertThat(socket.getInputStream().readNBytes(6)).containsExactly(0x20, 2, 0, 0, 0xD0, 0);
        }
    }
}

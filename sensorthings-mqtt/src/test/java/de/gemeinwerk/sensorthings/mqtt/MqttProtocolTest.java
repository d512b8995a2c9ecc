package de.gemeinwerk.sensorthings.mqtt;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker's answers byte by byte: protocol versions, MQTT 5's reason codes, packets out of order. */
class MqttProtocolTest extends MqttTestBase {

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Sends the bytes and returns everything the broker answers until it closes the connection. */
    private byte[] exchange(int... packet) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(bytes(packet));
            return socket.getInputStream().readAllBytes();
        }
    }

    @Test
    void anMqtt5ClientIsAccepted() throws IOException {
        try (Socket socket = connect()) {
            // CONNECT, protocol "MQTT" level 5, clean start, keep-alive 60, no properties, client id "a"
            socket.getOutputStream().write(bytes(0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 60, 0, 0, 1, 'a'));
            // CONNACK (MQTT 5 form): no session, success, no properties
            assertThat(socket.getInputStream().readNBytes(5)).containsExactly(0x20, 3, 0, 0, 0);
        }
    }

    @Test
    void anMqtt5PublishThatIsRefusedGetsAReasonCodeAndTheConnectionStays() throws IOException {
        de.gemeinwerk.sensorthings.observations.IngestTenant tenant = newTenant();
        String topic = topic(tenant.client(), "Datastreams(" + tenant.datastream() + ")/Observations");
        try (Socket socket = connect()) {
            socket.getOutputStream().write(bytes(0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 60, 0, 0, 1, 'b'));
            assertThat(socket.getInputStream().readNBytes(5)).containsExactly(0x20, 3, 0, 0, 0);
            // PUBLISH at QoS 1, packet id 7, no properties, anonymously: a write needs a key
            byte[] name = topic.getBytes(StandardCharsets.US_ASCII);
            byte[] payload = "{\"result\": 1}".getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream publish = new ByteArrayOutputStream();
            publish.write(0x32);
            publish.write(2 + name.length + 2 + 1 + payload.length);
            publish.write(0);
            publish.write(name.length);
            publish.write(name);
            publish.write(bytes(0, 7, 0));
            publish.write(payload);
            socket.getOutputStream().write(publish.toByteArray());
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(2);
            assertThat(header[0]).isEqualTo((byte) 0x40);
            byte[] pubAck = in.readNBytes(header[1]);
            // packet id 7, reason code 0x87 (not authorised), then the reason string property
            assertThat(pubAck[0]).isZero();
            assertThat(pubAck[1]).isEqualTo((byte) 7);
            assertThat(pubAck[2]).isEqualTo((byte) 0x87);
            assertThat(new String(pubAck, StandardCharsets.UTF_8)).contains("API key");
            // still connected
            socket.getOutputStream().write(bytes(0xC0, 0));
            assertThat(in.readNBytes(2)).containsExactly(0xD0, 0);
        }
    }

    @Test
    void anMqtt5SubscriberReceivesMessagesInMqtt5Form() throws IOException {
        de.gemeinwerk.sensorthings.StaClient client = newTenant().client();
        byte[] filter = topic(client, "Things").getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = connect()) {
            socket.getOutputStream().write(bytes(0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 60, 0, 0, 1, 'c'));
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(5)).containsExactly(0x20, 3, 0, 0, 0);
            // SUBSCRIBE packet id 9, no properties, the filter at QoS 1
            ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
            subscribe.write(bytes(0x82, 2 + 1 + 2 + filter.length + 1, 0, 9, 0, 0, filter.length));
            subscribe.write(filter);
            subscribe.write(1);
            socket.getOutputStream().write(subscribe.toByteArray());
            // SUBACK: packet id 9, no properties, granted QoS 1
            assertThat(in.readNBytes(6)).containsExactly(0x90, 4, 0, 9, 0, 1);
            long thing = client.create("Things", "{\"name\": \"fünf\", \"description\": \"x\"}");
            byte[] header = in.readNBytes(2);
            assertThat(header[0]).isEqualTo((byte) 0x32);
            byte[] publish = in.readNBytes(header[1] & 0x7F | (header[1] < 0 ? in.read() << 7 : 0));
            String text = new String(publish, StandardCharsets.UTF_8);
            // topic, packet id, an empty property list (MQTT 5), then the Thing as GET shows it
            assertThat(text).startsWith("\u0000" + (char) filter.length + topic(client, "Things"));
            assertThat(publish[2 + filter.length + 2]).isZero();
            assertThat(text).endsWith(client.getRaw("Things(" + thing + ")").body());
        }
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
        try (Socket socket = connect()) {
            socket.getOutputStream().write(bytes(0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 1, 'a', 0xC0, 0));
            assertThat(socket.getInputStream().readNBytes(6)).containsExactly(0x20, 2, 0, 0, 0xD0, 0);
        }
    }
}

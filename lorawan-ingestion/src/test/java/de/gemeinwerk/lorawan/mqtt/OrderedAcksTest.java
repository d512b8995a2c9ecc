package de.gemeinwerk.lorawan.mqtt;

import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderedAcksTest {

    private final List<Integer> sent = new ArrayList<>();
    private final OrderedAcks acks = new OrderedAcks(message -> sent.add(message.getId()));

    @Test
    void acknowledgesInTheOrderOfArrivalWhateverTheOrderOfCommits() {
        OrderedAcks.Pending first = acks.arrived(message(1));
        OrderedAcks.Pending second = acks.arrived(message(2));
        OrderedAcks.Pending third = acks.arrived(message(3));

        acks.done(third);
        acks.done(second);
        assertThat(sent).isEmpty();

        acks.done(first);
        assertThat(sent).containsExactly(1, 2, 3);
    }

    @Test
    void aMessageNeverDoneHoldsBackThoseAfterIt() {
        acks.arrived(message(1));
        OrderedAcks.Pending second = acks.arrived(message(2));

        acks.done(second);

        assertThat(sent).isEmpty();
    }

    private static MqttMessage message(int id) {
        MqttMessage message = new MqttMessage(new byte[0]);
        message.setId(id);
        message.setQos(1);
        return message;
    }
}

package de.gemeinwerk.lorawan.mqtt;

import org.eclipse.paho.client.mqttv3.MqttMessage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Sends the acknowledgements of one connection in the order its messages arrived, although the sink commits them in
 * any order: MQTT 3.1.1 (4.6) requires PUBACKs in the order of the PUBLISHes. A message that is not done holds back
 * the acknowledgements of those after it; if it is never done (the sink refused it), the connection is closed and the
 * broker redelivers all of them.
 */
final class OrderedAcks {

    /** One arrived message, done when it may be acknowledged. */
    static final class Pending {
        private final MqttMessage message;
        private boolean done;

        private Pending(MqttMessage message) {
            this.message = message;
        }
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Consumer<MqttMessage> acknowledge;

    /** @param acknowledge sends one acknowledgement (called under this object's lock, so in order) */
    OrderedAcks(Consumer<MqttMessage> acknowledge) {
        this.acknowledge = acknowledge;
    }

    synchronized Pending arrived(MqttMessage message) {
        Pending arrived = new Pending(message);
        pending.addLast(arrived);
        return arrived;
    }

    /** Marks the message done and acknowledges every done message that no earlier undone one holds back. */
    synchronized void done(Pending message) {
        message.done = true;
        while (!pending.isEmpty() && pending.peekFirst().done) {
            acknowledge.accept(pending.removeFirst().message);
        }
    }
}

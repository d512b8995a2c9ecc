package de.gemeinwerk.sensorthings.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The QoS 1 PUBLISHes of one connection whose Observations are being stored. Many are stored at once (in the same
 * group commit), but PUBACKs go out in the order of the PUBLISHes (MQTT 3.1.1, 4.6), each only once its Observation
 * is committed. Used on the connection's event loop only.
 */
final class PublishAcks {

    /** What happens when a PUBLISH was not stored; returns whether the connection goes on. */
    @FunctionalInterface
    interface Refusal {
        boolean refused(ChannelHandlerContext ctx, int packetId, String topic, Throwable error);
    }

    private record Pending(int packetId, String topic, CompletableFuture<Void> stored) {}

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    void add(int packetId, String topic, CompletableFuture<Void> stored) {
        pending.add(new Pending(packetId, topic, stored));
    }

    /**
     * Acknowledges the PUBLISHes at the head of the line that are done: stored ones with a PUBACK, refused ones as
     * {@code refusal} decides (MQTT 5: a PUBACK with a reason code; MQTT 3.1.1: the end of the connection).
     */
    void sendReady(ChannelHandlerContext ctx, Refusal refusal) {
        boolean sent = false;
        while (!pending.isEmpty() && pending.peek().stored().isDone()) {
            Pending head = pending.poll();
            if (head.stored().isCompletedExceptionally()) {
                if (!refusal.refused(ctx, head.packetId(), head.topic(), head.stored().exceptionNow())) {
                    pending.clear();
                    break;
                }
            } else {
                ctx.write(MqttMessageBuilders.pubAck().packetId(head.packetId()).build());
            }
            sent = true;
        }
        if (sent) {
            ctx.flush();
        }
    }
}

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

    /** What happens when a PUBLISH was not stored. */
    @FunctionalInterface
    interface Refusal {
        void refused(ChannelHandlerContext ctx, String topic, Throwable error);
    }

    private record Pending(int packetId, String topic, CompletableFuture<Void> stored) {}

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    void add(int packetId, String topic, CompletableFuture<Void> stored) {
        pending.add(new Pending(packetId, topic, stored));
    }

    /** Acknowledges the stored PUBLISHes at the head of the line; the first refused one ends the connection. */
    void sendReady(ChannelHandlerContext ctx, Refusal refusal) {
        boolean sent = false;
        while (!pending.isEmpty() && pending.peek().stored().isDone()) {
            Pending head = pending.poll();
            if (head.stored().isCompletedExceptionally()) {
                pending.clear();
                refusal.refused(ctx, head.topic(), head.stored().exceptionNow());
                break;
            }
            ctx.write(MqttMessageBuilders.pubAck().packetId(head.packetId()).build());
            sent = true;
        }
        if (sent) {
            ctx.flush();
        }
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.error.ApiException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One MQTT connection (3.1.1, 3.1 or 5). CONNECT's password is an API key (optional: without one the client acts anonymously, as
 * an HTTP client without a key); the username is not used. PUBLISH creates an Observation ({@link ObservationIngest})
 * — at QoS 1 acknowledged only once committed, PUBACKs in the order of the PUBLISHes; a refused PUBLISH gets a PUBACK
 * with a reason code and the reason under MQTT 5, and closes the connection under 3.1.1, which has no negative
 * acknowledgement. SUBSCRIBE and UNSUBSCRIBE are handled in order,
 * off the event loop (they may read the database). No retained messages, no persistent sessions, no QoS 2.
 */
final class MqttSession extends SimpleChannelInboundHandler<MqttMessage> implements Subscriber {

    /** What all sessions of the broker share. */
    record Services(ApiKeys keys, ObservationIngest ingest, Subscriptions subscriptions, Executor work,
                    ConcurrentMap<String, Channel> clients) {}

    private static final Logger log = LoggerFactory.getLogger(MqttSession.class);
    static final String IDLE_HANDLER = "idle";
    // PUBLISHes of one connection being stored at once; beyond this the connection is not read until some are done
    // (a QoS 0 publisher has no window of its own that would hold it back)
    private static final int MAX_STORING = 2_000;
    private static final int NO_PACKET_ID = -1;

    private final Services services;
    private final PublishAcks acks = new PublishAcks();
    private final AtomicInteger packetIds = new AtomicInteger();
    // set on the event loop, read by the change feed's thread when delivering
    private volatile Channel channel;
    private int storing;
    private String clientId;
    // MQTT 5 (else 3.1.1 or 3.1): refusals are told, not answered by closing the connection
    private boolean v5;
    private volatile String key;
    private boolean connected;
    // SUBSCRIBE and UNSUBSCRIBE run one after the other, so their acknowledgements keep the order of the requests
    private CompletableFuture<Void> control = CompletableFuture.completedFuture(null);

    MqttSession(Services services) {
        this.services = services;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        channel = ctx.channel();
        if (message.decoderResult().isFailure()) {
            refuseMalformed(ctx, message.decoderResult().cause());
            return;
        }
        MqttMessageType type = message.fixedHeader().messageType();
        if (!connected && type != MqttMessageType.CONNECT) {
            ctx.close();
            return;
        }
        switch (type) {
            case CONNECT -> connect(ctx, (MqttConnectMessage) message);
            case PUBLISH -> publish(ctx, (MqttPublishMessage) message);
            case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> unsubscribe(ctx, (MqttUnsubscribeMessage) message);
            case PINGREQ -> ctx.writeAndFlush(new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGRESP, false,
                    MqttQoS.AT_MOST_ONCE, false, 0)));
            case DISCONNECT -> ctx.close();
            // acknowledgements of what we sent at QoS 1: nothing is redelivered, so nothing to do
            case PUBACK -> { }
            default -> {
                log.info("MQTT client {} sent {}, which this broker does not support (QoS 2); closing", clientId, type);
                ctx.close();
            }
        }
    }

    private void connect(ChannelHandlerContext ctx, MqttConnectMessage message) {
        if (connected) {
            ctx.close(); // a second CONNECT is a protocol violation
            return;
        }
        v5 = message.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
        String id = message.payload().clientIdentifier();
        MqttProperties connAckProperties = MqttProperties.NO_PROPERTIES;
        if (id == null || id.isEmpty()) {
            if (!v5 && !message.variableHeader().isCleanSession()) {
                connAck(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
                return;
            }
            id = "gemeinwerk-" + UUID.randomUUID();
            if (v5) {
                // MQTT 5 tells the client the identifier it was given
                connAckProperties = new MqttProperties();
                connAckProperties.add(new MqttProperties.StringProperty(
                        MqttProperties.MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), id));
            }
        }
        byte[] password = message.payload().passwordInBytes();
        String presented = password == null ? "" : new String(password, StandardCharsets.UTF_8).strip();
        if (!presented.isEmpty() && services.keys().findActive(presented).isEmpty()) {
            log.info("MQTT client {} refused: the API key given as password is unknown or revoked", id);
            connAck(ctx, v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                    : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
            return;
        }
        key = presented.isEmpty() ? null : presented;
        clientId = id;
        connected = true;
        Channel previous = services.clients().put(id, ctx.channel());
        if (previous != null && previous != ctx.channel()) {
            previous.close(); // MQTT: a new connection with the same client id takes over
        }
        int keepAlive = message.variableHeader().keepAliveTimeSeconds();
        // the keep-alive contract: one and a half times the interval without any packet ends the connection
        ctx.pipeline().replace(IDLE_HANDLER, IDLE_HANDLER, new IdleStateHandler(keepAlive == 0 ? 0 : keepAlive * 3 / 2 + 1,
                0, 0));
        ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(false).properties(connAckProperties).build());
    }

    private static void connAck(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
        MqttConnAckMessage refusal = MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build();
        ctx.writeAndFlush(refusal).addListener(f -> ctx.close());
    }

    private void refuseMalformed(ChannelHandlerContext ctx, Throwable cause) {
        switch (cause) {
            case MqttUnacceptableProtocolVersionException e ->
                    connAck(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
            case MqttIdentifierRejectedException e -> connAck(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
            default -> {
                log.info("MQTT client {} sent a malformed packet ({}); closing", clientId, cause.getMessage());
                ctx.close();
            }
        }
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage message) {
        String topic = message.variableHeader().topicName();
        MqttQoS qos = message.fixedHeader().qosLevel();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            log.info("MQTT client {} published at QoS 2, which this broker does not support; closing", clientId);
            ctx.close();
            return;
        }
        byte[] payload = ByteBufUtil.getBytes(message.payload());
        CompletableFuture<Void> stored = services.ingest().store(key, topic, payload);
        int packetId = message.variableHeader().packetId();
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            acks.add(packetId, topic, stored);
        }
        if (++storing == MAX_STORING) {
            ctx.channel().config().setAutoRead(false);
        }
        stored.whenComplete((done, error) -> ctx.executor().execute(() -> {
            if (storing-- == MAX_STORING) {
                ctx.channel().config().setAutoRead(true);
            }
            if (qos == MqttQoS.AT_MOST_ONCE && error != null) {
                refused(ctx, NO_PACKET_ID, topic, error);
            } else if (qos == MqttQoS.AT_LEAST_ONCE) {
                acks.sendReady(ctx, this::refused);
            }
        }));
    }

    /**
     * Not stored: logged with the reason. MQTT 5 says so in the PUBACK (a reason code and the reason), and the
     * connection goes on; MQTT 3.1.1 has no negative acknowledgement, so the connection is closed.
     *
     * @return whether the connection goes on
     */
    private boolean refused(ChannelHandlerContext ctx, int packetId, String topic, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
        String consequence = v5 ? "" : "; closing the connection";
        if (cause instanceof ApiException || cause instanceof StaTopic.InvalidTopic) {
            log.warn("MQTT PUBLISH of client {} to '{}' refused, not stored: {}{}", clientId, topic, cause.getMessage(),
                    consequence);
        } else {
            log.error("MQTT PUBLISH of client {} to '{}' failed, not stored{}", clientId, topic, consequence, cause);
        }
        if (!v5) {
            ctx.close();
            return false;
        }
        if (packetId != NO_PACKET_ID) {
            ctx.write(MqttMessageBuilders.pubAck().packetId(packetId).reasonCode(PublishRefusals.reasonCode(cause))
                    .properties(PublishRefusals.reason(cause)).build());
        }
        return true;
    }

    private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage message) {
        int messageId = message.idAndPropertiesVariableHeader().messageId();
        List<MqttTopicSubscription> topics = message.payload().topicSubscriptions();
        control = control.thenRunAsync(() -> {
            List<Integer> granted = new ArrayList<>();
            for (MqttTopicSubscription topic : topics) {
                granted.add(services.subscriptions().subscribe(this, key, topic.topicFilter(), topic.qualityOfService()));
            }
            ctx.writeAndFlush(MqttMessageBuilders.subAck().packetId(messageId)
                    .addGrantedQoses(granted.stream().map(MqttQoS::valueOf).toArray(MqttQoS[]::new)).build());
        }, services.work());
    }

    private void unsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage message) {
        int messageId = message.idAndPropertiesVariableHeader().messageId();
        List<String> topics = message.payload().topics();
        control = control.thenRunAsync(() -> {
            topics.forEach(topic -> services.subscriptions().unsubscribe(this, topic));
            MqttMessageBuilders.UnsubAckBuilder unsubAck = MqttMessageBuilders.unsubAck().packetId(messageId);
            if (v5) {
                // MQTT 5 answers each topic: 0x00, success (a topic not subscribed is no error here)
                topics.forEach(topic -> unsubAck.addReasonCode((short) 0));
            }
            ctx.writeAndFlush(unsubAck.build());
        }, services.work());
    }

    @Override
    public void deliver(String topic, byte[] payload, MqttQoS qos) {
        Channel out = channel;
        if (out == null || !out.isActive() || !out.isWritable()) {
            return; // gone, or not reading fast enough: best effort, as MQTT delivery to subscribers is
        }
        int packetId = qos == MqttQoS.AT_MOST_ONCE ? 0 : packetIds.updateAndGet(id -> id % 65535 + 1);
        out.writeAndFlush(MqttMessageBuilders.publish().topicName(topic).qos(qos).retained(false).messageId(packetId)
                .payload(Unpooled.wrappedBuffer(payload)).build());
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            log.info("MQTT client {} silent beyond its keep-alive; closing", clientId);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        services.subscriptions().unsubscribeAll(this);
        if (clientId != null) {
            services.clients().remove(clientId, ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("MQTT connection of client {} failed", clientId, cause);
        ctx.close();
    }
}

package de.gemeinwerk.sensorthings.mqtt;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The embedded MQTT broker (Netty). If its port cannot be bound (say 1883 is taken by another broker), Gemeinwerk
 * still starts — HTTP matters more — the error names the property to change, and {@code /actuator/health} reports
 * the {@code mqtt} component DOWN.
 */
public final class MqttBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttBroker.class);
    // a client must send CONNECT this soon after opening the connection
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final String host;
    private final int port;
    private final int maxMessageBytes;
    private final MqttSession.Services services;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel server;
    private volatile int boundPort = -1;
    private volatile String failure;

    /**
     * @param host the address to listen on; empty = all interfaces
     * @param port 0 = any free port (see {@link #port()})
     */
    MqttBroker(String host, int port, int maxMessageBytes, MqttSession.Services services) {
        this.host = host;
        this.port = port;
        this.maxMessageBytes = maxMessageBytes;
        this.services = services;
    }

    @Override
    public synchronized void start() {
        acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(MqttSession.IDLE_HANDLER,
                                new IdleStateHandler(CONNECT_TIMEOUT_SECONDS, 0, 0, TimeUnit.SECONDS));
                        channel.pipeline().addLast(new MqttDecoder(maxMessageBytes), MqttEncoder.INSTANCE,
                                new MqttSession(services));
                    }
                });
        InetSocketAddress address = host.isBlank() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        try {
            server = bootstrap.bind(address).syncUninterruptibly().channel();
            boundPort = ((InetSocketAddress) server.localAddress()).getPort();
            failure = null;
            log.info("MQTT broker listening on {}:{}", host.isBlank() ? "*" : host, boundPort);
        } catch (Exception e) {
            failure = "cannot listen on " + address + ": " + e.getMessage();
            log.error("MQTT broker {} — Gemeinwerk runs without MQTT. Choose another port with gemeinwerk.mqtt.port"
                    + " (or the address with gemeinwerk.mqtt.host), or disable MQTT with gemeinwerk.mqtt.enabled=false",
                    failure);
            shutDownGroups();
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close().syncUninterruptibly();
            server = null;
        }
        services.clients().values().forEach(Channel::close);
        shutDownGroups();
        boundPort = -1;
    }

    private void shutDownGroups() {
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers = null;
            acceptor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return acceptor != null;
    }

    /** The port the broker listens on, or -1 when it does not. */
    public int port() {
        return boundPort;
    }

    /** Why the broker does not listen, or null when it does. */
    String failure() {
        return failure;
    }
}

package de.gemeinwerk.server.demo.lorawan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * How each network server delivers an uplink to Gemeinwerk's webhook: its name in the admin API, the URL it posts to
 * (ChirpStack names the event in the query; TTS appends the path configured for the message type to the base URL),
 * the body, and how it authenticates (ChirpStack: a custom {@code Authorization} header; TTS: its built-in "request
 * authentication", HTTP Basic).
 */
public enum WebhookFormat {

    CHIRPSTACK("chirpstack", "/lorawan/v1/chirpstack?event=up", UplinkBodies::chirpStack,
            secret -> "Bearer " + secret),
    THE_THINGS_STACK("the-things-stack", "/lorawan/v1/the-things-stack/uplink-message", UplinkBodies::theThingsStack,
            secret -> "Basic " + Base64.getEncoder().encodeToString(("gemeinwerk:" + secret)
                    .getBytes(StandardCharsets.UTF_8)));

    private final String networkServer;
    private final String pathInTenant;
    private final BiFunction<SimulatedUplink, Boolean, String> body;
    private final UnaryOperator<String> authorization;

    WebhookFormat(String networkServer, String pathInTenant, BiFunction<SimulatedUplink, Boolean, String> body,
                  UnaryOperator<String> authorization) {
        this.networkServer = networkServer;
        this.pathInTenant = pathInTenant;
        this.body = body;
        this.authorization = authorization;
    }

    /** The name of the network server in the admin API ({@code "networkServer"} of a webhook). */
    public String networkServer() {
        return networkServer;
    }

    /** Path and query the network server posts an uplink of the tenant to. */
    public String uplinkPath(String tenant) {
        return "/" + tenant + pathInTenant;
    }

    /** The uplink as this network server writes it; {@code decoded}: with the object its decoder made. */
    public String body(SimulatedUplink uplink, boolean decoded) {
        return body.apply(uplink, decoded);
    }

    /** The value of the {@code Authorization} header with the webhook's secret. */
    public String authorization(String secret) {
        return authorization.apply(secret);
    }
}

package de.gemeinwerk.server.demo.lorawan;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How each network server delivers an uplink to Gemeinwerk's webhook: its name in the admin API, the URL it posts to
 * (ChirpStack names the event in the query; TTS appends the path configured for the message type to the base URL),
 * the body, and how it authenticates (ChirpStack: a custom {@code Authorization} header; TTS: its built-in "request
 * authentication", HTTP Basic).
 */
public enum WebhookFormat {

    CHIRPSTACK("chirpstack", "/lorawan/v1/chirpstack?event=up") {
        @Override
        public String body(SimulatedUplink uplink, boolean decoded) {
            return UplinkBodies.chirpStack(uplink, decoded);
        }

        @Override
        public String authorization(String secret) {
            return "Bearer " + secret;
        }
    },
    THE_THINGS_STACK("the-things-stack", "/lorawan/v1/the-things-stack/uplink-message") {
        @Override
        public String body(SimulatedUplink uplink, boolean decoded) {
            return UplinkBodies.theThingsStack(uplink, decoded);
        }

        @Override
        public String authorization(String secret) {
            return "Basic " + Base64.getEncoder().encodeToString(("gemeinwerk:" + secret).getBytes(StandardCharsets.UTF_8));
        }
    };

    private final String networkServer;
    private final String pathInTenant;

    WebhookFormat(String networkServer, String pathInTenant) {
        this.networkServer = networkServer;
        this.pathInTenant = pathInTenant;
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
    public abstract String body(SimulatedUplink uplink, boolean decoded);

    /** The value of the {@code Authorization} header with the webhook's secret. */
    public abstract String authorization(String secret);
}

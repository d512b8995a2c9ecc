package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.uplink.NetworkServer;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * A request path that is one of the webhooks: {@code /{tenant}/lorawan/v1/chirpstack} or
 * {@code /{tenant}/lorawan/v1/the-things-stack}, the latter with any path below it (The Things Stack appends one per
 * message type). Pure.
 *
 * @param tenant the tenant's slug, percent-decoded
 */
record WebhookPath(String tenant, NetworkServer server) {

    private static final String BASE = "/lorawan/v1/";
    private static final String CHIRPSTACK = BASE + "chirpstack";
    private static final String THE_THINGS_STACK = BASE + "the-things-stack";

    /** The webhook a request URI (path without query) names, or null when it names none. */
    static WebhookPath of(String uri) {
        int slash = uri.indexOf('/', 1);
        if (!uri.startsWith("/") || slash <= 1 || !uri.startsWith(BASE, slash)) {
            return null;
        }
        String rest = uri.substring(slash);
        NetworkServer server;
        if (rest.equals(CHIRPSTACK)) {
            server = NetworkServer.CHIRPSTACK;
        } else if (rest.equals(THE_THINGS_STACK) || rest.startsWith(THE_THINGS_STACK + "/")) {
            server = NetworkServer.THE_THINGS_STACK;
        } else {
            return null;
        }
        String tenant = uri.substring(1, slash);
        return new WebhookPath(tenant.indexOf('%') < 0 ? tenant : UriUtils.decode(tenant, StandardCharsets.UTF_8),
                server);
    }

    /** The first value of a parameter in a query string (percent-decoded), or null when it has none. */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (UriUtils.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

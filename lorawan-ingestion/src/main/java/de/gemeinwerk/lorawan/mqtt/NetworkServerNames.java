package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.platform.error.ApiException;

/**
 * The names of the network servers in JSON and in the database ({@code chirpstack}, {@code the-things-stack}).
 * lw-ingest's {@code registry.NetworkServerNames} has the same methods: once both are on main, this one goes.
 */
final class NetworkServerNames {

    private NetworkServerNames() {
    }

    static String name(NetworkServer server) {
        return switch (server) {
            case CHIRPSTACK -> "chirpstack";
            case THE_THINGS_STACK -> "the-things-stack";
        };
    }

    /** The network server named {@code text}; 400 at {@code where} for anything else. */
    static NetworkServer parse(String text, String where) {
        for (NetworkServer server : NetworkServer.values()) {
            if (name(server).equals(text)) {
                return server;
            }
        }
        throw ApiException.badRequest("A network server is \"chirpstack\" or \"the-things-stack\".", where);
    }
}

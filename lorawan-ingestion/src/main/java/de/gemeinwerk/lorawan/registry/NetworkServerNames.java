package de.gemeinwerk.lorawan.registry;

import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.platform.error.ApiException;

/** The names of the network servers in JSON, URLs and the database: {@code chirpstack}, {@code the-things-stack}. */
public final class NetworkServerNames {

    private NetworkServerNames() {
    }

    public static String name(NetworkServer server) {
        return switch (server) {
            case CHIRPSTACK -> "chirpstack";
            case THE_THINGS_STACK -> "the-things-stack";
        };
    }

    /** The network server named {@code text}; 400 at {@code where} for anything else. */
    public static NetworkServer parse(String text, String where) {
        for (NetworkServer server : NetworkServer.values()) {
            if (name(server).equals(text)) {
                return server;
            }
        }
        throw ApiException.badRequest("A network server is \"chirpstack\" or \"the-things-stack\".", where);
    }
}

package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.uplink.NetworkServer;

import java.util.Arrays;
import java.util.Optional;

/** The names of the network servers in JSON and in the database ("chirpstack", "the-things-stack"). */
final class NetworkServerNames {

    private NetworkServerNames() {
    }

    static String name(NetworkServer networkServer) {
        return networkServer.name().toLowerCase().replace('_', '-');
    }

    static Optional<NetworkServer> find(String name) {
        return Arrays.stream(NetworkServer.values()).filter(n -> name(n).equals(name)).findFirst();
    }
}

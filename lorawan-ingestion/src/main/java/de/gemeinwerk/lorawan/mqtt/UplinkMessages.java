package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.uplink.ChirpStackEvents;
import de.gemeinwerk.lorawan.uplink.DeviceEvent;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.NetworkServerMessage;
import de.gemeinwerk.lorawan.uplink.TheThingsStackMessages;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;

/**
 * What an MQTT message on a subscribed uplink topic holds, read by the same parsers as the webhooks. Only
 * {@code …/event/up} (ChirpStack) and {@code …/up} (The Things Stack) are subscribed, so the event is always an uplink
 * — unless the payload says otherwise.
 */
final class UplinkMessages {

    private UplinkMessages() {
    }

    sealed interface Read {
        record AnUplink(Uplink uplink) implements Read {}

        /** A message the parsers recognise but that is no uplink. */
        record NotAnUplink(String what) implements Read {}

        /** A payload that can never become an uplink (malformed, a Protobuf-encoded integration, …). */
        record Unreadable(String reason) implements Read {}
    }

    static Read read(NetworkServer networkServer, byte[] payload) {
        NetworkServerMessage message;
        try {
            message = switch (networkServer) {
                // ChirpStack's MQTT integration sends JSON or, with [integration.mqtt] json = false, Protobuf
                case CHIRPSTACK -> looksLikeJson(payload) ? ChirpStackEvents.parse("up", payload)
                        : ChirpStackEvents.parseProtobuf("up", payload);
                case THE_THINGS_STACK -> TheThingsStackMessages.parse(payload);
            };
        } catch (ApiException e) {
            return new Read.Unreadable(e.getMessage() + (e.where() == null ? "" : " (at " + e.where() + ")"));
        }
        return switch (message) {
            case Uplink uplink -> new Read.AnUplink(uplink);
            case DeviceEvent event -> new Read.NotAnUplink(event.type() + " of " + event.devEui());
        };
    }

    /**
     * Whether the payload begins like a JSON object. A Protobuf message begins with a field tag, which is never '{'
     * (0x7b would be wire type 3, a group, which proto3 does not have).
     */
    private static boolean looksLikeJson(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }
}

package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Reads ChirpStack v4 integration events (JSON, lowerCamelCase, as the HTTP and the MQTT integration send them).
 * Pure: no I/O, no state.
 */
public final class ChirpStackEvents {

    /**
     * The events ChirpStack's HTTP and MQTT integrations post ({@code chirpstack/src/integration/http.rs}, {@code
     * mqtt.rs}). The documentation also describes an {@code integration} event (LoRa Cloud responses), but no
     * integration posts it, so it is refused like any unknown name rather than silently accepted.
     */
    public static final List<String> EVENTS = List.of("up", "join", "status", "ack", "txack", "log", "location");

    private static final long MAX_F_CNT = 0xFFFF_FFFFL;

    private ChirpStackEvents() {
    }

    /**
     * @param event the event name: HTTP {@code ?event=}, MQTT the last topic level
     * @param body  the JSON event
     * @return the uplink of an {@code up} event, else a {@link DeviceEvent}
     * @throws ApiException 400 for an unknown event name ({@code where}: {@code event}) or a malformed body
     *                      ({@code where}: the JSON pointer)
     */
    public static NetworkServerMessage parse(String event, byte[] body) {
        if (event == null || !EVENTS.contains(event)) {
            throw ApiException.badRequest("Unknown ChirpStack event '" + event + "': expected one of "
                    + String.join(", ", EVENTS) + ".", "event");
        }
        JsonField root = JsonField.parse(body);
        JsonField device = root.get("deviceInfo").object();
        String devEui = device.get("devEui").devEui();
        String deviceName = device.get("deviceName").optionalString();
        return switch (event) {
            case "up" -> uplink(root, devEui, deviceName);
            case "location" -> new DeviceEvent(NetworkServer.CHIRPSTACK, event, devEui, deviceName,
                    root.get("location").location(), null, null);
            case "status" -> {
                Long margin = root.get("margin").optionalWhole(Integer.MIN_VALUE, Integer.MAX_VALUE);
                yield new DeviceEvent(NetworkServer.CHIRPSTACK, event, devEui, deviceName, null,
                        root.get("batteryLevel").optionalNumber(), margin == null ? null : margin.intValue());
            }
            default -> new DeviceEvent(NetworkServer.CHIRPSTACK, event, devEui, deviceName, null, null, null);
        };
    }

    private static Uplink uplink(JsonField root, String devEui, String deviceName) {
        List<JsonField> rxInfo = root.get("rxInfo").elements();
        Long fPort = root.get("fPort").optionalWhole(0, 255);
        return new Uplink(NetworkServer.CHIRPSTACK, devEui, deviceName, time(root, rxInfo),
                root.get("fCnt").optionalWhole(0, MAX_F_CNT), fPort == null ? null : fPort.intValue(),
                root.get("data").base64(), root.get("object").optionalDecodedObject(),
                root.get("deduplicationId").string(),
                rxInfo.stream().map(rx -> rx.reception(rx.get("gatewayId").optionalString())).toList(), null);
    }

    /** {@code time} (gateway time where the gateway has GPS), else the first gateway's, else the first NS time. */
    private static Instant time(JsonField root, List<JsonField> rxInfo) {
        Instant time = root.get("time").optionalInstant();
        for (String field : List.of("gwTime", "nsTime")) {
            time = time != null ? time : rxInfo.stream().map(rx -> rx.get(field).optionalInstant())
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (time == null) {
            throw root.get("time").error("The uplink has no time: neither /time nor a /rxInfo/*/gwTime or nsTime.");
        }
        return time;
    }
}

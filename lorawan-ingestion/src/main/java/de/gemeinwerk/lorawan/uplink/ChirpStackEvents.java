package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads ChirpStack v4 integration events, as the HTTP and the MQTT integration send them: JSON (lowerCamelCase) or
 * Protobuf (the integration's binary encoding). Pure: no I/O, no state.
 */
public final class ChirpStackEvents {

    /**
     * The events ChirpStack's HTTP and MQTT integrations post ({@code chirpstack/src/integration/http.rs}, {@code
     * mqtt.rs}). The documentation also describes an {@code integration} event (LoRa Cloud responses), but no
     * integration posts it, so it is refused like any unknown name rather than silently accepted.
     */
    public static final List<String> EVENTS = List.of("up", "join", "status", "ack", "txack", "log", "location");

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
        requireKnown(event);
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

    /**
     * The same for the binary encoding ({@code application/octet-stream}): {@code body} is the event's Protobuf
     * message ({@code integration.UplinkEvent} for {@code up}, {@code integration.StatusEvent} for {@code status}, …).
     * {@code where} names the field by its JSON name. Proto3 does not send zeros, so fCnt and fPort are never null.
     */
    public static NetworkServerMessage parseProtobuf(String event, byte[] body) {
        requireKnown(event);
        return ChirpStackProtobuf.parse(event, body);
    }

    private static void requireKnown(String event) {
        if (event == null || !EVENTS.contains(event)) {
            throw ApiException.badRequest("Unknown ChirpStack event '" + event + "': expected one of "
                    + String.join(", ", EVENTS) + ".", "event");
        }
    }

    private static Uplink uplink(JsonField root, String devEui, String deviceName) {
        List<JsonField> rxInfo = root.get("rxInfo").elements();
        Long fPort = root.get("fPort").optionalWhole(0, 255);
        Instant time = time(root.get("time").optionalInstant(), rxInfo, rx -> rx.get("gwTime").optionalInstant(),
                rx -> rx.get("nsTime").optionalInstant());
        return new Uplink(NetworkServer.CHIRPSTACK, devEui, deviceName, time,
                root.get("fCnt").optionalWhole(0, Uplink.MAX_F_CNT), fPort == null ? null : fPort.intValue(),
                root.get("data").base64(), root.get("object").optionalDecodedObject(),
                root.get("deduplicationId").string(),
                rxInfo.stream().map(rx -> rx.reception(rx.get("gatewayId").optionalString())).toList(), null);
    }

    /**
     * The uplink's time in either encoding: the event's {@code time} (ChirpStack sets it to the gateway time where
     * the gateway has GPS), else the first reception's gateway time, else the first time ChirpStack noted.
     */
    static <R> Instant time(Instant eventTime, List<R> rxInfo, Function<R, Instant> gwTime,
                            Function<R, Instant> nsTime) {
        Instant time = eventTime;
        for (Function<R, Instant> field : List.of(gwTime, nsTime)) {
            time = time != null ? time : rxInfo.stream().map(field).filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (time == null) {
            throw ApiException.badRequest("The uplink has no time: neither /time nor a /rxInfo/*/gwTime or nsTime.",
                    "/time");
        }
        return time;
    }
}

package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads The Things Stack v3 application-up messages (JSON, snake_case; the same body on webhooks and MQTT). The
 * message type is recognised by its one top-level field, since a webhook may post every type to the same URL.
 * Pure: no I/O, no state.
 */
public final class TheThingsStackMessages {

    /** Top-level field of each recognised non-uplink message → its name among the webhook's message types. */
    private static final Map<String, String> EVENTS = new LinkedHashMap<>();

    static {
        for (String type : List.of("join-accept", "downlink-ack", "downlink-nack", "downlink-sent",
                "downlink-failed", "downlink-queued", "downlink-queue-invalidated", "location-solved",
                "service-data", "uplink-normalized")) {
            EVENTS.put(type.replace('-', '_'), type);
        }
    }

    private static final String UPLINK = "uplink_message";
    private TheThingsStackMessages() {
    }

    /**
     * @return the uplink of an {@code uplink_message}, else a {@link DeviceEvent}
     * @throws ApiException 400 for a malformed or unrecognised body ({@code where}: the JSON pointer), a webhook
     *                      whose field mask drops {@code end_device_ids}, an uplink of a device without DevEUI
     */
    public static NetworkServerMessage parse(byte[] body) {
        JsonField root = JsonField.parse(body);
        String field = Stream.concat(Stream.of(UPLINK), EVENTS.keySet().stream())
                .filter(name -> root.get(name).isPresent()).findFirst()
                .orElseThrow(() -> root.error("Not a message The Things Stack sends to applications: expected one"
                        + " of the fields " + UPLINK + ", " + String.join(", ", EVENTS.keySet()) + "."));
        JsonField ids = root.get("end_device_ids");
        if (!ids.isPresent()) {
            throw ids.error("The message has no end_device_ids: the webhook's field mask must not filter out"
                    + " end_device_ids, Gemeinwerk knows the device by its end_device_ids.dev_eui.");
        }
        ids.object();
        String deviceName = ids.get("device_id").optionalString();
        JsonField message = root.get(field).object();
        if (field.equals(UPLINK)) {
            return uplink(root, message, devEui(ids), deviceName);
        }
        JsonField devEui = ids.get("dev_eui");
        UplinkLocation location = field.equals("location_solved") ? message.get("location").location() : null;
        return new DeviceEvent(NetworkServer.THE_THINGS_STACK, EVENTS.get(field),
                devEui.isPresent() ? devEui.devEui() : null, deviceName, location, null, null);
    }

    private static String devEui(JsonField ids) {
        JsonField devEui = ids.get("dev_eui");
        if (!devEui.isPresent()) {
            throw devEui.error("The device has no DevEUI (an ABP device registered without one). Gemeinwerk knows"
                    + " devices by DevEUI: register the device in The Things Stack with its DevEUI.");
        }
        return devEui.devEui();
    }

    private static Uplink uplink(JsonField root, JsonField message, String devEui, String deviceName) {
        List<JsonField> rxMetadata = message.get("rx_metadata").elements();
        Instant time = time(root, message, rxMetadata);
        Long fCnt = message.get("f_cnt").optionalWhole(0, Uplink.MAX_F_CNT);
        Long fPort = message.get("f_port").optionalWhole(0, 255);
        return new Uplink(NetworkServer.THE_THINGS_STACK, devEui, deviceName, time, fCnt,
                fPort == null ? null : fPort.intValue(), message.get("frm_payload").base64(),
                message.get("decoded_payload").optionalDecodedObject(),
                deduplicationKey(root.get("correlation_ids"), devEui, fCnt, time),
                rxMetadata.stream().map(TheThingsStackMessages::reception).toList(), location(message));
    }

    /**
     * Gateway time (the settings' time, else the first gateway's), else when the Network Server received it,
     * else when the Application Server did.
     */
    private static Instant time(JsonField root, JsonField message, List<JsonField> rxMetadata) {
        Stream<JsonField> candidates = Stream.of(
                Stream.of(message.get("settings").get("time")),
                rxMetadata.stream().map(rx -> rx.get("time")),
                Stream.of(message.get("received_at"), root.get("received_at"))).flatMap(s -> s);
        return candidates.map(JsonField::optionalInstant).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> message.get("received_at").error("The uplink has no time: neither"
                        + " /uplink_message/settings/time, /uplink_message/rx_metadata/*/time,"
                        + " /uplink_message/received_at nor /received_at."));
    }

    /**
     * The Application Server's {@code as:up:} correlation id: one per uplink, the same on every integration (webhook
     * and MQTT) and every retry. Without it (older or filtered messages) the Gateway Server's {@code gs:uplink:} id.
     * Without both, devEui, frame counter (TTS omits 0) and time together: a device does not send the same counter
     * twice at the same instant, and a redelivery repeats all three.
     */
    private static String deduplicationKey(JsonField correlationIds, String devEui, Long fCnt, Instant time) {
        List<String> ids = correlationIds.elements().stream().map(JsonField::string).toList();
        for (String prefix : List.of("as:up:", "gs:uplink:")) {
            for (String id : ids) {
                if (id.startsWith(prefix)) {
                    return id;
                }
            }
        }
        return devEui + ":" + (fCnt == null ? 0 : fCnt) + ":" + time;
    }

    private static RadioReception reception(JsonField rx) {
        JsonField gateway = rx.get("gateway_ids");
        String id = gateway.get("gateway_id").optionalString();
        return rx.reception(id != null ? id : gateway.get("eui").optionalString());
    }

    /** The first of the uplink's locations (the user-set registry position, or one solved from this frame). */
    private static UplinkLocation location(JsonField message) {
        JsonField locations = message.get("locations");
        if (!locations.isPresent()) {
            return null;
        }
        return locations.object().firstValue().map(JsonField::location).orElse(null);
    }
}

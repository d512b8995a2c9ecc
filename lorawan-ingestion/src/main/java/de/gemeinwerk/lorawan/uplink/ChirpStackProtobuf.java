package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;

import java.time.Instant;
import java.util.List;

/**
 * Reads ChirpStack v4 integration events in their binary encoding ({@code application/octet-stream}): the
 * messages of ChirpStack's {@code api/proto/integration/integration.proto} (UplinkEvent, JoinEvent, StatusEvent,
 * …), with {@code gw.UplinkRxInfo} and {@code common.Location}. The field numbers below are those files'.
 */
final class ChirpStackProtobuf {

    private ChirpStackProtobuf() {
    }

    static NetworkServerMessage parse(String event, byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("The request body is empty.", "body");
        }
        ProtoMessage root = ProtoMessage.parse(body, "");
        // LogEvent has no deduplication id, so its device_info is field 2; every other event's is field 3
        ProtoMessage device = root.message(event.equals("log") ? 2 : 3, "deviceInfo");
        if (device == null) {
            throw ApiException.badRequest("/deviceInfo is missing.", "/deviceInfo");
        }
        String devEui = DevEui.normalise(device.string(8, "devEui"), "/deviceInfo/devEui");
        String deviceName = device.has(7) ? device.string(7, "deviceName") : null;
        return switch (event) {
            case "up" -> uplink(root, devEui, deviceName);
            case "location" -> new DeviceEvent(NetworkServer.CHIRPSTACK, event, devEui, deviceName,
                    location(root.message(4, "location")), null, null);
            case "status" -> new DeviceEvent(NetworkServer.CHIRPSTACK, event, devEui, deviceName, null,
                    root.has(8) ? root.floatValue(8, "batteryLevel") : null,
                    root.has(5) ? (int) root.varint(5, "margin") : null);
            default -> new DeviceEvent(NetworkServer.CHIRPSTACK, event, devEui, deviceName, null, null, null);
        };
    }

    private static Uplink uplink(ProtoMessage root, String devEui, String deviceName) {
        String deduplicationId = root.string(1, "deduplicationId");
        if (deduplicationId.isEmpty()) {
            throw ApiException.badRequest("/deduplicationId is missing.", "/deduplicationId");
        }
        List<ProtoMessage> rxInfo = root.messages(12, "rxInfo");
        ProtoMessage object = root.message(11, "object");
        Instant time = ChirpStackEvents.time(root.timestamp(2, "time"), rxInfo, rx -> rx.timestamp(3, "gwTime"),
                rx -> rx.timestamp(17, "nsTime"));
        return new Uplink(NetworkServer.CHIRPSTACK, devEui, deviceName, time,
                root.unsigned(7, "fCnt", Uplink.MAX_F_CNT), (int) root.unsigned(8, "fPort", 255),
                root.bytes(10, "data"), object == null ? null : ProtoStruct.object(object), deduplicationId,
                rxInfo.stream().map(ChirpStackProtobuf::reception).toList(), null);
    }

    /** gw.UplinkRxInfo: gateway_id 1, rssi 6 (int32), snr 7 (float); proto3 omits zeros, as the JSON does. */
    private static RadioReception reception(ProtoMessage rx) {
        return new RadioReception(rx.has(1) ? rx.string(1, "gatewayId") : null,
                rx.has(6) ? (int) rx.varint(6, "rssi") : null, rx.has(7) ? rx.floatValue(7, "snr") : null);
    }

    /** common.Location: latitude 1, longitude 2, altitude 3 (doubles). */
    private static UplinkLocation location(ProtoMessage location) {
        if (location == null) {
            throw ApiException.badRequest("/location is missing.", "/location");
        }
        return new UplinkLocation(location.doubleValue(1, "latitude"), location.doubleValue(2, "longitude"),
                location.has(3) ? location.doubleValue(3, "altitude") : null);
    }
}

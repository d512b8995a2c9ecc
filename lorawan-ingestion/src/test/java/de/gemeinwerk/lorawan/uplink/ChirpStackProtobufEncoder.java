package de.gemeinwerk.lorawan.uplink;

import com.google.protobuf.CodedOutputStream;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

/**
 * Encodes the JSON samples of ChirpStack events as ChirpStack's binary integration encoding does, field by field
 * with the numbers of chirpstack's {@code integration.proto}, {@code gw.proto}, {@code common.proto} and
 * {@code google/protobuf/struct.proto}, leaving zero values out as proto3 does. Fields the parser skips are written
 * too, so the round trip shows it reads past them.
 */
final class ChirpStackProtobufEncoder {

    interface Fields {
        void write(CodedOutputStream out) throws IOException;
    }

    private ChirpStackProtobufEncoder() {
    }

    static byte[] message(Fields fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            fields.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The event {@code name} ({@code up}, {@code status}, …) of the JSON sample {@code json}. */
    static byte[] event(String name, JsonNode json) {
        return message(out -> {
            switch (name) {
                case "log" -> {
                    timestamp(out, 1, json.path("time"));
                    out.writeByteArray(2, deviceInfo(json.path("deviceInfo")));
                    out.writeEnum(3, 2); // ERROR
                    out.writeEnum(4, 6); // UPLINK_MIC
                    string(out, 5, json.path("description"));
                    map(out, 6, json.path("context"));
                }
                case "txack" -> {
                    out.writeUInt32(1, (int) json.path("downlinkId").longValue());
                    timestamp(out, 2, json.path("time"));
                    out.writeByteArray(3, deviceInfo(json.path("deviceInfo")));
                    string(out, 4, json.path("queueItemId"));
                    uint(out, 5, json.path("fCntDown"));
                    string(out, 6, json.path("gatewayId"));
                }
                default -> {
                    string(out, 1, json.path("deduplicationId"));
                    timestamp(out, 2, json.path("time"));
                    out.writeByteArray(3, deviceInfo(json.path("deviceInfo")));
                    eventFields(out, name, json);
                }
            }
        });
    }

    private static void eventFields(CodedOutputStream out, String name, JsonNode json) throws IOException {
        switch (name) {
            case "up" -> {
                string(out, 4, json.path("devAddr"));
                bool(out, 5, json.path("adr"));
                uint(out, 6, json.path("dr"));
                uint(out, 7, json.path("fCnt"));
                uint(out, 8, json.path("fPort"));
                bool(out, 9, json.path("confirmed"));
                out.writeByteArray(10, Base64.getDecoder().decode(json.path("data").asString("")));
                if (json.has("object")) {
                    out.writeByteArray(11, struct(json.get("object")));
                }
                for (JsonNode rx : json.path("rxInfo")) {
                    out.writeByteArray(12, rxInfo(rx));
                }
                out.writeByteArray(13, txInfo(json.path("txInfo")));
            }
            case "join" -> string(out, 4, json.path("devAddr"));
            case "ack" -> {
                string(out, 4, json.path("queueItemId"));
                bool(out, 5, json.path("acknowledged"));
                uint(out, 6, json.path("fCntDown"));
            }
            case "status" -> {
                out.writeInt32(5, json.path("margin").intValue());
                out.writeFloat(8, json.path("batteryLevel").floatValue());
            }
            case "location" -> out.writeByteArray(4, message(location -> {
                location.writeDouble(1, json.at("/location/latitude").doubleValue());
                location.writeDouble(2, json.at("/location/longitude").doubleValue());
                location.writeDouble(3, json.at("/location/altitude").doubleValue());
            }));
            default -> throw new IllegalArgumentException(name);
        }
    }

    private static byte[] deviceInfo(JsonNode info) {
        return message(out -> {
            String[] names = {"tenantId", "tenantName", "applicationId", "applicationName", "deviceProfileId",
                    "deviceProfileName", "deviceName", "devEui"};
            for (int i = 0; i < names.length; i++) {
                string(out, i + 1, info.path(names[i]));
            }
            map(out, 9, info.path("tags"));
        });
    }

    private static byte[] rxInfo(JsonNode rx) {
        return message(out -> {
            string(out, 1, rx.path("gatewayId"));
            uint(out, 2, rx.path("uplinkId"));
            timestamp(out, 3, rx.path("gwTime"));
            timestamp(out, 17, rx.path("nsTime"));
            if (rx.has("rssi")) {
                out.writeInt32(6, rx.get("rssi").intValue());
            }
            if (rx.has("snr")) {
                out.writeFloat(7, rx.get("snr").floatValue());
            }
            uint(out, 8, rx.path("channel"));
            uint(out, 9, rx.path("rfChain"));
            out.writeByteArray(13, Base64.getDecoder().decode(rx.path("context").asString("")));
            map(out, 15, rx.path("metadata"));
            if (rx.has("crcStatus")) {
                out.writeEnum(16, 2); // CRC_OK
            }
        });
    }

    private static byte[] txInfo(JsonNode tx) {
        JsonNode lora = tx.at("/modulation/lora");
        return message(out -> {
            uint(out, 1, tx.path("frequency"));
            out.writeByteArray(2, message(modulation -> modulation.writeByteArray(3, message(info -> {
                uint(info, 1, lora.path("bandwidth"));
                uint(info, 2, lora.path("spreadingFactor"));
                info.writeEnum(5, 1); // CR_4_5
            }))));
        });
    }

    /** google.protobuf.Struct: fields = 1, map entries of key 1 and Value 2. */
    static byte[] struct(JsonNode object) {
        return message(out -> {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                out.writeByteArray(1, message(entry -> {
                    entry.writeString(1, field.getKey());
                    entry.writeByteArray(2, value(field.getValue()));
                }));
            }
        });
    }

    /** google.protobuf.Value: null 1, number 2, string 3, bool 4, struct 5, list 6 (ListValue values = 1). */
    static byte[] value(JsonNode value) {
        return message(out -> {
            if (value.isNumber()) {
                out.writeDouble(2, value.doubleValue());
            } else if (value.isString()) {
                out.writeString(3, value.stringValue());
            } else if (value.isBoolean()) {
                out.writeBool(4, value.booleanValue());
            } else if (value.isObject()) {
                out.writeByteArray(5, struct(value));
            } else if (value.isArray()) {
                out.writeByteArray(6, message(list -> {
                    for (JsonNode element : value) {
                        list.writeByteArray(1, value(element));
                    }
                }));
            } else {
                out.writeEnum(1, 0);
            }
        });
    }

    static byte[] timestamp(Instant time) {
        return message(out -> {
            out.writeInt64(1, time.getEpochSecond());
            out.writeInt32(2, time.getNano());
        });
    }

    private static void timestamp(CodedOutputStream out, int number, JsonNode time) throws IOException {
        if (time.isString()) {
            out.writeByteArray(number, timestamp(OffsetDateTime.parse(time.stringValue()).toInstant()));
        }
    }

    private static void string(CodedOutputStream out, int number, JsonNode text) throws IOException {
        if (!text.asString("").isEmpty()) {
            out.writeString(number, text.asString());
        }
    }

    private static void uint(CodedOutputStream out, int number, JsonNode value) throws IOException {
        if (value.longValue(0) != 0) {
            out.writeUInt32(number, (int) value.longValue());
        }
    }

    private static void bool(CodedOutputStream out, int number, JsonNode value) throws IOException {
        if (value.asBoolean(false)) {
            out.writeBool(number, true);
        }
    }

    private static void map(CodedOutputStream out, int number, JsonNode map) throws IOException {
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            out.writeByteArray(number, message(pair -> {
                pair.writeString(1, entry.getKey());
                pair.writeString(2, entry.getValue().asString());
            }));
        }
    }
}

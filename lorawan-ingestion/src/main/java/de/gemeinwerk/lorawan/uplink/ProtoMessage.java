package de.gemeinwerk.lorawan.uplink;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import de.gemeinwerk.platform.error.ApiException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Protobuf message read by field number with {@link CodedInputStream}, without generated classes: the few
 * fields Gemeinwerk needs are named by their numbers in ChirpStack's {@code .proto} files, everything else is
 * skipped. Errors name the field by its JSON name, so a 400 points at the same place ({@code /deviceInfo/devEui})
 * whichever encoding ChirpStack used. Proto3 leaves zero values out, so an absent scalar reads as zero.
 */
final class ProtoMessage {

    /** Raw values by field number, in order: Long (varint, fixed64), Integer (fixed32) or byte[] (length-delimited). */
    private final Map<Integer, List<Object>> fields = new HashMap<>();
    private final String pointer;

    private ProtoMessage(String pointer) {
        this.pointer = pointer;
    }

    static ProtoMessage parse(byte[] bytes, String pointer) {
        ProtoMessage message = new ProtoMessage(pointer);
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                Object value = switch (WireFormat.getTagWireType(tag)) {
                    case WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
                    case WireFormat.WIRETYPE_FIXED64 -> in.readRawLittleEndian64();
                    case WireFormat.WIRETYPE_LENGTH_DELIMITED -> in.readByteArray();
                    case WireFormat.WIRETYPE_FIXED32 -> in.readRawLittleEndian32();
                    default -> throw new InvalidProtocolBufferException("unsupported wire type (group)");
                };
                message.fields.computeIfAbsent(WireFormat.getTagFieldNumber(tag), n -> new ArrayList<>()).add(value);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed Protobuf message at " + message.pointer() + ": "
                    + e.getMessage(), message.pointer());
        }
        return message;
    }

    String pointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    ApiException error(String name, String detail) {
        return ApiException.badRequest(pointer + "/" + name + " " + detail, pointer + "/" + name);
    }

    boolean has(int number) {
        return fields.containsKey(number);
    }

    /** Proto3: the last value of a scalar field counts. */
    private <T> T last(int number, String name, Class<T> type, String expected) {
        List<Object> values = fields.get(number);
        if (values == null) {
            return null;
        }
        Object value = values.getLast();
        if (!type.isInstance(value)) {
            throw error(name, "must be " + expected + " (wrong Protobuf wire type).");
        }
        return type.cast(value);
    }

    String string(int number, String name) {
        byte[] bytes = bytes(number, name);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    byte[] bytes(int number, String name) {
        byte[] bytes = last(number, name, byte[].class, "length-delimited");
        return bytes == null ? new byte[0] : bytes;
    }

    long varint(int number, String name) {
        Long value = last(number, name, Long.class, "a varint");
        return value == null ? 0 : value;
    }

    /** A uint32 field within [0, max]. */
    long unsigned(int number, String name, long max) {
        long value = varint(number, name);
        if (value < 0 || value > max) {
            throw error(name, "must be between 0 and " + max + ", not " + value + ".");
        }
        return value;
    }

    double doubleValue(int number, String name) {
        Long bits = last(number, name, Long.class, "a double");
        return bits == null ? 0 : Double.longBitsToDouble(bits);
    }

    /** A float as the shortest decimal that reads back as it, the number ChirpStack's JSON encoding prints. */
    double floatValue(int number, String name) {
        Integer bits = last(number, name, Integer.class, "a float");
        return bits == null ? 0 : Double.parseDouble(Float.toString(Float.intBitsToFloat(bits)));
    }

    ProtoMessage message(int number, String name) {
        return fields.containsKey(number) ? parse(bytes(number, name), pointer + "/" + name) : null;
    }

    List<ProtoMessage> messages(int number, String name) {
        List<ProtoMessage> messages = new ArrayList<>();
        for (Object value : fields.getOrDefault(number, List.of())) {
            String element = pointer + "/" + name + "/" + messages.size();
            if (!(value instanceof byte[] bytes)) {
                throw ApiException.badRequest(element + " must be a message (wrong Protobuf wire type).", element);
            }
            messages.add(parse(bytes, element));
        }
        return messages;
    }

    /** A {@code google.protobuf.Timestamp} (seconds 1, nanos 2); null when absent. */
    Instant timestamp(int number, String name) {
        ProtoMessage timestamp = message(number, name);
        if (timestamp == null) {
            return null;
        }
        long nanos = timestamp.varint(2, "nanos");
        try {
            if (nanos < 0 || nanos > 999_999_999) {
                throw new DateTimeException("nanos out of range");
            }
            return Instant.ofEpochSecond(timestamp.varint(1, "seconds"), nanos);
        } catch (DateTimeException e) {
            throw error(name, "is not a valid timestamp.");
        }
    }
}

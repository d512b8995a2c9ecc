package de.gemeinwerk.lorawan.decoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The uplink examples of the test data's codec-examples folder, by the built-in device type they belong to. */
record CodecExamples(String deviceType, String description, int fPort, byte[] fromHex, byte[] fromBase64,
                     ObjectNode expected) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** test-data file name (the TTN device repository's vendor naming) → built-in device-type key */
    private static final List<String[]> FILES = List.of(
            new String[] {"milesight-iot-em500-udl.json", BuiltInDecoders.MILESIGHT_EM500_UDL},
            new String[] {"milesight-iot-em500-swl.json", BuiltInDecoders.MILESIGHT_EM500_SWL},
            new String[] {"dragino-laq4.json", BuiltInDecoders.DRAGINO_LAQ4},
            new String[] {"nwave-nps405.json", BuiltInDecoders.NWAVE_NPS405});

    static List<CodecExamples> all() {
        List<CodecExamples> examples = new ArrayList<>();
        for (String[] file : FILES) {
            for (JsonNode example : read("/testdata/lorawan/codec-examples/" + file[0])) {
                examples.add(new CodecExamples(file[1], example.get("description").asString(),
                        example.get("fPort").asInt(), HexFormat.of().parseHex(example.get("bytesHex").asString()),
                        Base64.getDecoder().decode(example.get("bytesBase64").asString()),
                        (ObjectNode) example.get("expected")));
            }
        }
        return examples;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CodecExamples.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return deviceType + ": " + description;
    }
}

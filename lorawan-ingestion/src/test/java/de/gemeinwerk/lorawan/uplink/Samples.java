package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.platform.error.ApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HexFormat;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verbatim LoRaWAN samples of {@code /testdata/lorawan/}, and edited copies of them for bad-input tests. */
final class Samples {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Samples() {
    }

    /** The file's bytes, e.g. {@code bytes("chirpstack-v4/up.json")}. */
    static byte[] bytes(String path) {
        return LorawanClient.sample(path);
    }

    /** The sample with {@code edit} applied to its JSON tree. */
    static byte[] edited(String path, Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) JSON.readTree(bytes(path));
        edit.accept(root);
        return JSON.writeValueAsBytes(root);
    }

    static ObjectNode objectAt(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    /** The first example of a codec file of {@code codec-examples/}, e.g. {@code codec("dragino-laq4")}. */
    static JsonNode codec(String name) {
        return JSON.readTree(bytes("codec-examples/" + name + ".json")).get(0);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Asserts that {@code parse} fails with a 400 about {@code where} whose detail contains {@code detail}. */
    static void assertBadRequest(ThrowingCallable parse, String where, String detail) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.where()).isEqualTo(where);
            assertThat(e.getMessage()).contains(detail);
        });
    }

    /** Asserts that {@code parse} refuses the sample with the value at {@code where} set to the JSON {@code json}. */
    static void assertRefused(Consumer<byte[]> parse, String sample, String where, String json, String detail) {
        assertBadRequest(() -> parse.accept(edited(sample, set(where, json))), where, detail);
    }

    /** An edit that sets the value at {@code pointer} (its parent must exist) to the JSON {@code json}. */
    static Consumer<ObjectNode> set(String pointer, String json) {
        return root -> {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = root.at(pointer.substring(0, slash));
            JsonNode value = JSON.readTree(json);
            String last = pointer.substring(slash + 1);
            if (parent.isArray()) {
                ((ArrayNode) parent).set(Integer.parseInt(last), value);
            } else {
                ((ObjectNode) parent).set(last, value);
            }
        };
    }
}

package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 6902 operations on plain documents (examples after RFC 6902 appendix A). */
class JsonPatchTest {

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text.replace('\'', '"'));
    }

    private static String apply(String document, String patch) {
        return JsonPatch.apply(json(document), json(patch)).toString().replace('"', '\'');
    }

    @Test
    void addsToObjectsAndArrays() {
        assertThat(apply("{'a': [1, 3]}", "[{'op': 'add', 'path': '/a/1', 'value': 2}, {'op': 'add', 'path': '/b', 'value': {}}]"))
                .isEqualTo("{'a':[1,2,3],'b':{}}");
    }

    @Test
    void escapesInPointers() {
        assertThat(apply("{'a/b': 1, 'c~d': 2}", "[{'op': 'remove', 'path': '/a~1b'}, {'op': 'replace', 'path': '/c~0d', 'value': 3}]"))
                .isEqualTo("{'c~d':3}");
    }

    @Test
    void doesNotChangeTheOriginal() {
        JsonNode document = json("{'a': 1}");
        JsonPatch.apply(document, json("[{'op': 'remove', 'path': '/a'}]"));
        assertThat(document.has("a")).isTrue();
    }

    @Test
    void rejectsMalformedPatchesWithTheirPlace() {
        assertWhere("{'op': 'remove'}", "body");
        assertWhere("[{'op': 'frobnicate', 'path': '/a'}]", "body: /0/op");
        assertWhere("[{'op': 'remove', 'path': 'a'}]", "body: /0/path");
        assertWhere("[{'op': 'remove', 'path': '/missing'}]", "body: /0/path");
        assertWhere("[{'op': 'add', 'path': '/b/5', 'value': 1}]", "body: /0/path");
        assertWhere("[{'op': 'add', 'path': '/a'}]", "body: /0");
        assertWhere("[{'op': 'move', 'from': '/b', 'path': '/b/0'}]", "body: /0/path");
    }

    private static void assertWhere(String patch, String where) {
        assertThatThrownBy(() -> apply("{'a': 1, 'b': [1]}", patch)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.where()).as(e.getMessage()).isEqualTo(where));
    }
}

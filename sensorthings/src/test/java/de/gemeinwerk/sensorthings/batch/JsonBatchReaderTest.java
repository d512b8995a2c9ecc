package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonBatchReaderTest {

    private static List<SubRequest> read(String json) {
        return JsonBatchReader.read(JsonMapper.shared().readTree(json));
    }

    private static String where(String json) {
        return catchThrowableOfType(ApiException.class, () -> read(json)).where();
    }

    @Test
    void readsEveryMember() {
        List<SubRequest> requests = read("""
                {"@annotation": 1, "requests": [
                  {"id": "a", "method": "Post", "url": "Things", "atomicityGroup": "g", "dependsOn": ["x", "y"],
                   "headers": {"Prefer": "return=minimal"}, "body": {"name": "n"}},
                  {"id": "b", "method": "get", "url": "$a"}
                ]}""");

        SubRequest post = requests.getFirst();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.group()).isEqualTo("g");
        assertThat(post.dependsOn()).containsExactly("x", "y");
        assertThat(post.header("prefer")).isEqualTo("return=minimal");
        assertThat(((SubRequest.Body.Json) post.body()).node().get("name").asString()).isEqualTo("n");
        assertThat(post.where("url")).isEqualTo("requests[0].url");
        SubRequest get = requests.get(1);
        assertThat(get.group()).isNull();
        assertThat(get.dependsOn()).isEmpty();
        assertThat(get.body()).isNull();
    }

    @Test
    void refusesWhatIsMissingOrMistyped() {
        assertThat(where("[]")).isEqualTo("body");
        assertThat(where("{\"requests\": null}")).isEqualTo("body");
        assertThat(where("{\"requests\": [], \"other\": 1}")).isEqualTo("other");
        assertThat(where("{\"requests\": [[]]}")).isEqualTo("requests[0]");
        assertThat(where("{\"requests\": [{\"method\": \"get\", \"url\": \"T\"}]}")).isEqualTo("requests[0].id");
        assertThat(where("{\"requests\": [{\"id\": \" \", \"method\": \"get\", \"url\": \"T\"}]}"))
                .isEqualTo("requests[0].id");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"url\": \"T\"}]}")).isEqualTo("requests[0].method");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"merge\", \"url\": \"T\"}]}"))
                .isEqualTo("requests[0].method");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\"}]}")).isEqualTo("requests[0].url");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": 5}]}")).isEqualTo("requests[0].url");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"T\", \"dependsOn\": \"0\"}]}"))
                .isEqualTo("requests[0].dependsOn");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"T\", \"dependsOn\": [0]}]}"))
                .isEqualTo("requests[0].dependsOn");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"T\", \"headers\": {\"a\": 1}}]}"))
                .isEqualTo("requests[0].headers.a");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"T\", \"body\": {}}]}"))
                .isEqualTo("requests[0].body");
        assertThat(where("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"T\", \"atomicityGroup\": 1}]}"))
                .isEqualTo("requests[0].atomicityGroup");
    }
}

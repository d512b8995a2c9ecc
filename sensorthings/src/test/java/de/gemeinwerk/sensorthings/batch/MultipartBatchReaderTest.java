package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MultipartBatchReaderTest {

    private static List<SubRequest> read(String body) {
        return MultipartBatchReader.read(body.getBytes(StandardCharsets.UTF_8), "b");
    }

    private static String text(SubRequest request) {
        return new String(((SubRequest.Body.Bytes) request.body()).bytes(), StandardCharsets.UTF_8);
    }

    private static ApiException error(String body) {
        return catchThrowableOfType(ApiException.class, () -> read(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void readsRequestsAndChangeSetsWithEitherLineEnd(String eol) {
        String body = String.join(eol, "preamble is ignored", "--b", "Content-Type: application/http",
                "Content-Transfer-Encoding: binary", "", "GET Things(1)?$select=name HTTP/1.1", "Host: host", "", "",
                "--b", "Content-Type: multipart/mixed;boundary=cs", "", "--cs", "Content-Type: application/http",
                "Content-ID: 1", "", "POST /t/v1.1/Things HTTP/1.1", "Content-Type: application/json",
                "Content-Length: ###", "", "{\"name\": \"Grün\"}", "--cs", "Content-Type: application/http", "",
                "delete $1 HTTP/1.1", "Content-ID: 2", "", "--cs--", "--b--", "epilogue too");

        List<SubRequest> requests = read(body);

        assertThat(requests).hasSize(3);
        SubRequest get = requests.get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.url()).isEqualTo("Things(1)?$select=name");
        assertThat(get.group()).isNull();
        assertThat(get.id()).isNull();
        assertThat(get.header("host")).isEqualTo("host");
        assertThat(get.body()).isNull();
        assertThat(get.where()).isEqualTo("part 1");
        SubRequest post = requests.get(1);
        assertThat(post.id()).isEqualTo("1");
        assertThat(post.group()).isEqualTo("change set of part 2");
        assertThat(post.header("CONTENT-TYPE")).isEqualTo("application/json");
        assertThat(text(post)).isEqualTo("{\"name\": \"Grün\"}");
        assertThat(post.where()).isEqualTo("part 2.1");
        SubRequest delete = requests.get(2);
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.url()).isEqualTo("$1");
        assertThat(delete.id()).as("a Content-ID among the request's own headers counts too").isEqualTo("2");
    }

    @Test
    void aBoundaryInsideALineIsNoDelimiter() {
        List<SubRequest> requests = read("--b\r\nContent-Type: application/http\r\n\r\nPOST Things\r\n"
                + "Content-Type: application/json\r\n\r\n{\"name\": \"--b is not a delimiter here\"}\r\n--bx\r\n--b--");

        assertThat(text(requests.getFirst())).isEqualTo("{\"name\": \"--b is not a delimiter here\"}\r\n--bx");
    }

    @Test
    void anEmptyBatchHasNoRequests() {
        assertThat(read("--b--")).isEmpty();
    }

    @Test
    void errorsNameThePart() {
        assertThat(error("nothing").where()).isEqualTo("body");
        assertThat(error("--b\r\nContent-Type: application/http\r\n\r\nGET Things").getMessage())
                .contains("closing delimiter --b--");
        assertThat(error("--b\r\n\r\nGET Things\r\n--b--").where()).isEqualTo("part 1 Content-Type");
        assertThat(error("--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--").where()).isEqualTo("part 1 Content-Type");
        assertThat(error("--b\r\nContent-Type: application/http\r\n\r\n\r\n--b--").where())
                .isEqualTo("part 1 request line");
        assertThat(error("--b\r\nContent-Type: application/http\r\n\r\nGET a b c\r\n--b--").where())
                .isEqualTo("part 1 request line");
        assertThat(error("--b\r\nContent-Type: application/http\r\n\r\nOPTIONS Things\r\n--b--").where())
                .isEqualTo("part 1 request line");
        assertThat(error("--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nContent-Type: text/plain"
                + "\r\n\r\nx\r\n--c--\r\n--b--").where()).isEqualTo("part 1.1 Content-Type");
        assertThat(error("--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\n--b--").getMessage())
                .contains("--c--");
    }
}

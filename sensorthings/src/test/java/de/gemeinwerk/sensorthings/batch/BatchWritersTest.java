package de.gemeinwerk.sensorthings.batch;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both response formats for the same results: a request alone, a group that succeeded, a group that failed. */
class BatchWritersTest {

    private record Response(int status, Map<String, String> headers, byte[] body) implements SubResponse {
        static Response of(int status, String contentType, String body, String... header) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            for (int i = 0; i < header.length; i += 2) {
                headers.put(header[i], header[i + 1]);
            }
            return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static SubRequest request(String id, String group, int index) {
        return new SubRequest(id, group, List.of(), "GET", "x", Map.of(), null, "requests[" + index + "]");
    }

    private final List<SubRequest> requests = List.of(request("0", null, 0), request("1", "g", 1),
            request("2", "g", 2), request("3", "h", 3), request("4", "h", 4));
    private final List<UnitResult> results = List.of(
            new UnitResult(new Batch.Unit(null, List.of(0)),
                    List.of(Response.of(200, "text/plain;charset=UTF-8", "42")), -1),
            new UnitResult(new Batch.Unit("g", List.of(1, 2)), List.of(
                    Response.of(201, "application/json;charset=UTF-8", "{\"@iot.id\":9}", "Location", "http://h/T(9)"),
                    Response.of(204, null, "")), -1),
            new UnitResult(new Batch.Unit("h", List.of(3, 4)), List.of(
                    Response.of(424, "application/problem+json", "{\"status\":424}"),
                    Response.of(404, "application/problem+json", "{\"status\":404}")), 1));

    @Test
    void json() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonMapper.shared().createGenerator(out)) {
            JsonBatchWriter.write(g, requests, results);
        }

        assertThat(out.toString()).isEqualTo("{\"responses\":["
                + "{\"id\":\"0\",\"status\":200,\"headers\":{\"content-type\":\"text/plain;charset=UTF-8\"},\"body\":\"42\"},"
                + "{\"id\":\"1\",\"atomicityGroup\":\"g\",\"status\":201,\"headers\":{\"location\":\"http://h/T(9)\"},"
                + "\"body\":{\"@iot.id\":9}},"
                + "{\"id\":\"2\",\"atomicityGroup\":\"g\",\"status\":204},"
                + "{\"id\":\"3\",\"atomicityGroup\":\"h\",\"status\":424,"
                + "\"headers\":{\"content-type\":\"application/problem+json\"},\"body\":{\"status\":424}},"
                + "{\"id\":\"4\",\"atomicityGroup\":\"h\",\"status\":404,"
                + "\"headers\":{\"content-type\":\"application/problem+json\"},\"body\":{\"status\":404}}]}");
    }

    @Test
    void multipart() {
        Iterator<String> boundaries = List.of("cs1", "cs2").iterator();

        String written = new String(MultipartBatchWriter.write(requests, results, "batch", boundaries::next),
                StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("""
                --batch
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 0

                HTTP/1.1 200 OK
                Content-Type: text/plain;charset=UTF-8
                Content-Length: 2

                42
                --batch
                Content-Type: multipart/mixed; boundary=cs1

                --cs1
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 1

                HTTP/1.1 201 Created
                Content-Type: application/json;charset=UTF-8
                Location: http://h/T(9)
                Content-Length: 13

                {"@iot.id":9}
                --cs1
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 2

                HTTP/1.1 204 No Content
                Content-Length: 0


                --cs1--
                --batch
                Content-Type: application/http
                Content-Transfer-Encoding: binary
                Content-ID: 4

                HTTP/1.1 404 Not Found
                Content-Type: application/problem+json
                Content-Length: 14

                {"status":404}
                --batch--
                """.replace("\n", "\r\n"));
        assertThat(MultipartBatchReader.parts(written, "batch", "response")).hasSize(3);
    }
}

package de.gemeinwerk.sensorthings.batch;

import org.springframework.http.HttpStatus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a multipart batch response (OData 4.0 Part 1, 11.7.4; SensorThings 1.1, 11.2.3): one
 * {@code application/http} part per request, the requests of a change set inside a nested {@code multipart/mixed}
 * part, each with the {@code Content-ID} it came with. A change set that failed is answered, as OData 4.0 says, by
 * a single {@code application/http} part: the response of the request that failed.
 */
public final class MultipartBatchWriter {

    private static final String CRLF = "\r\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    private final List<SubRequest> requests;
    private final Supplier<String> boundaries;

    private MultipartBatchWriter(List<SubRequest> requests, Supplier<String> boundaries) {
        this.requests = requests;
        this.boundaries = boundaries;
    }

    /**
     * @param boundary   the boundary of the whole response (to be named in its Content-Type)
     * @param boundaries new boundaries for change sets, each unique
     */
    public static byte[] write(List<SubRequest> requests, List<UnitResult> results, String boundary,
                               Supplier<String> boundaries) {
        MultipartBatchWriter writer = new MultipartBatchWriter(requests, boundaries);
        for (UnitResult result : results) {
            writer.text("--" + boundary + CRLF);
            writer.unit(result);
        }
        writer.text("--" + boundary + "--" + CRLF);
        return writer.out.toByteArray();
    }

    private void unit(UnitResult result) {
        List<Integer> indexes = result.unit().indexes();
        if (result.unit().group() == null || result.failed() >= 0) {
            int shown = Math.max(result.failed(), 0);
            part(requests.get(indexes.get(shown)), result.responses().get(shown));
            return;
        }
        String changeSet = boundaries.get();
        text("Content-Type: multipart/mixed; boundary=" + changeSet + CRLF + CRLF);
        for (int i = 0; i < indexes.size(); i++) {
            text("--" + changeSet + CRLF);
            part(requests.get(indexes.get(i)), result.responses().get(i));
        }
        text("--" + changeSet + "--" + CRLF);
    }

    private void part(SubRequest request, SubResponse response) {
        text("Content-Type: application/http" + CRLF + "Content-Transfer-Encoding: binary" + CRLF);
        if (request.id() != null) {
            text("Content-ID: " + request.id() + CRLF);
        }
        HttpStatus status = HttpStatus.resolve(response.status());
        text(CRLF + "HTTP/1.1 " + response.status() + (status == null ? "" : " " + status.getReasonPhrase()) + CRLF);
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            text(header.getKey() + ": " + header.getValue() + CRLF);
        }
        byte[] body = response.body();
        text("Content-Length: " + body.length + CRLF + CRLF);
        out.writeBytes(body);
        text(CRLF);
    }

    private void text(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

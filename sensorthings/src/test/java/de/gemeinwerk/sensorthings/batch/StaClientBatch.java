package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading JSON and multipart batch responses in tests. */
final class StaClientBatch {

    private StaClientBatch() {}

    /** The {@code responses} of a batch answered with 200. */
    static JsonNode responses(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StaClient.json(response.body()).get("responses");
    }

    /** The parts of a multipart batch response, parsed with the server's own (separately tested) reader. */
    static List<String> parts(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/mixed; boundary=batchresponse_");
        return MultipartBatchReader.parts(response.body(), BatchContentType.boundary(type, "response"), "response");
    }
}

package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading JSON batch responses in tests. */
final class StaClientBatch {

    private StaClientBatch() {}

    /** The {@code responses} of a batch answered with 200. */
    static JsonNode responses(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StaClient.json(response.body()).get("responses");
    }
}

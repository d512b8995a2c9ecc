package de.gemeinwerk.server;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large responses are gzipped for clients that ask for it (the portal's map reads megabytes of JSON), while clients
 * that do not ask get them as they are, and the live updates' event stream is never compressed (a gzip buffer would
 * hold events back).
 */
@SpringBootTest(classes = GemeinwerkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true", "gemeinwerk.data-dir=target/compression-test-data",
                "gemeinwerk.demo.lorawan.enabled=false", "gemeinwerk.mqtt.enabled=false"})
class HttpCompressionTest {

    // the demo town's Observations: far above the 4 KB threshold
    private static final String LARGE_JSON = "/musterstadt/v1.1/Observations?$top=500";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<InputStream> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void largeJsonIsGzippedForClientsThatAskAndIdenticalAfterUnzipping() throws Exception {
        HttpResponse<InputStream> plain = get(LARGE_JSON, null);
        byte[] plainBody;
        try (InputStream body = plain.body()) {
            plainBody = body.readAllBytes();
        }
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<InputStream> zipped = get(LARGE_JSON, "gzip");
        byte[] zippedBody;
        try (InputStream body = zipped.body()) {
            zippedBody = body.readAllBytes();
        }
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Encoding");
        assertThat(zippedBody.length).isLessThan(plainBody.length / 3);
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zippedBody))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(plainBody, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theLiveEventStreamIsNeverCompressed() throws Exception {
        HttpResponse<InputStream> events = get("/musterstadt/portal/live", "gzip");
        try (InputStream body = events.body()) {
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(events.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }
}

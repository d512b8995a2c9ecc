package de.gemeinwerk.platform.logging;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class RequestLoggingFilterTest {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesARequestId() {
        HttpResponse<String> first = new TestHttp(port).get("/actuator/health", null);
        HttpResponse<String> second = new TestHttp(port).get("/no/such/thing", null);

        assertThat(first.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{16}"));
        assertThat(second.headers().firstValue("X-Request-Id")).isPresent()
                .isNotEqualTo(first.headers().firstValue("X-Request-Id"));
    }

    @Test
    void incomingRequestIdIsKeptIfPlausible() throws Exception {
        assertThat(requestIdFor("abc-123.upstream:7")).isEqualTo("abc-123.upstream:7");
        assertThat(requestIdFor("forged; id=with spaces")).isNotEqualTo("forged; id=with spaces")
                .matches("[0-9a-f]{16}");
    }

    private String requestIdFor(String incoming) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("X-Request-Id", incoming).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("X-Request-Id").orElseThrow();
    }
}

package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServiceUrlsTest {

    private final ServiceUrls urls = new ServiceUrls("https://daten.example.org/musterstadt/v1.1",
            "http://localhost:8080/musterstadt/v1.1");

    @Test
    void relativePathsAndUrlsOfThisService() {
        assertThat(urls.relative("Things(1)?$select=name", "u"))
                .isEqualTo(new ServiceUrls.Relative("/Things(1)", "$select=name"));
        assertThat(urls.relative("/musterstadt/v1.1/Things", "u")).isEqualTo(new ServiceUrls.Relative("/Things", null));
        assertThat(urls.relative("/musterstadt/v1.1", "u")).isEqualTo(new ServiceUrls.Relative("", null));
        assertThat(urls.relative("https://daten.example.org/musterstadt/v1.1/Things(2)", "u").path())
                .isEqualTo("/Things(2)");
        assertThat(urls.relative("http://localhost:8080/musterstadt/v1.1/Things?$top=1", "u"))
                .isEqualTo(new ServiceUrls.Relative("/Things", "$top=1"));
    }

    @Test
    void anythingElseIsNotFound() {
        for (String elsewhere : new String[] {"/nachbardorf/v1.1/Things", "/musterstadt/v1.10/Things", "/v1.1/Things",
                "https://other.example.org/musterstadt/v1.1/Things", "http://localhost:8080/nachbardorf/v1.1"}) {
            ApiException error = catchThrowableOfType(ApiException.class, () -> urls.relative(elsewhere, "requests[0].url"));
            assertThat(error.status().value()).as(elsewhere).isEqualTo(404);
            assertThat(error.where()).isEqualTo("requests[0].url");
        }
    }
}

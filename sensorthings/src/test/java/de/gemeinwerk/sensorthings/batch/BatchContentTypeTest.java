package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BatchContentTypeTest {

    @Test
    void tellsTheFormatsApart() {
        assertThat(BatchContentType.of("application/json")).isEqualTo(BatchContentType.JSON);
        assertThat(BatchContentType.of("application/json; charset=UTF-8")).isEqualTo(BatchContentType.JSON);
        assertThat(BatchContentType.of("multipart/mixed;boundary=batch_1")).isEqualTo(BatchContentType.MULTIPART);
        assertThat(BatchContentType.boundary("multipart/mixed; boundary=\"a b\"", "w")).isEqualTo("a b");
    }

    @Test
    void refusesOtherTypesAndUnusableBoundaries() {
        assertThat(status(() -> BatchContentType.of(null))).isEqualTo(415);
        assertThat(status(() -> BatchContentType.of("text/plain"))).isEqualTo(415);
        assertThat(status(() -> BatchContentType.of("multipart/form-data; boundary=x"))).isEqualTo(415);
        assertThat(status(() -> BatchContentType.of("multipart/mixed"))).isEqualTo(400);
        assertThat(status(() -> BatchContentType.of("multipart/mixed; boundary=" + "x".repeat(71)))).isEqualTo(400);
        assertThat(catchThrowableOfType(ApiException.class, () -> BatchContentType.boundary("multipart/mixed; boundary=",
                "part 2 Content-Type")).where()).isEqualTo("part 2 Content-Type");
    }

    private static int status(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ApiException.class, call).status().value();
    }
}

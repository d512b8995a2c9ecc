package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/** What a citizen's browser gets when a portal page fails: an HTML page with the right status, never a trace. */
class PageErrorsTest {

    private final PageErrors errors = new PageErrors();

    @Test
    void missingPagesAre404Pages() {
        assertThat(errors.notFound().getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(errors.api(ApiException.notFound("gone")).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(errors.api(ApiException.badRequest("bad")).getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theUnexpectedIsA500PageWithAnErrorIdOnly() {
        ModelAndView page = errors.unexpected(new IllegalStateException("connection refused: secret-host:5432"));
        assertThat(page.getViewName()).isEqualTo("portal/error");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getModel().get("errorId")).asString().matches("[0-9a-f]{16}");
        assertThat(page.getModel().values()).noneMatch(v -> String.valueOf(v).contains("secret-host"));
        // a new id each time, so each report can be found in the log
        assertThat(errors.unexpected(new IllegalStateException()).getModel().get("errorId"))
                .isNotEqualTo(page.getModel().get("errorId"));
    }
}

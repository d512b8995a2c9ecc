package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Errors of the portal's pages as an HTML page in the reader's language. Only for the page controllers: the API and
 * the live feed keep the platform's problem+json. Anything unexpected (the database unreachable) is logged with an
 * error id, which the page shows for enquiries, never a stack trace.
 */
@ControllerAdvice(assignableTypes = {LandingController.class, TenantPortalController.class, LogoController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    /** e.g. a Thing that a concurrent request deleted between two reads of the page */
    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e) {
        return page(e.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        String errorId = HexFormat.of().toHexDigits(RANDOM.nextLong());
        log.error("Unexpected error {} on a portal page", errorId, e);
        ModelAndView page = page(HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("errorId", errorId);
        return page;
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("portal/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}

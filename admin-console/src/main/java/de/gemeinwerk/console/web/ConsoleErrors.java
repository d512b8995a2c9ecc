package de.gemeinwerk.console.web;

import de.gemeinwerk.console.signin.CsrfRefused;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Errors of the console's pages as an HTML page in the reader's language (the API keeps its problem+json): 404 for
 * what is not there or not this tenant's, 403 for a form without a valid CSRF token, 400 for a request no form
 * produces, and for anything unexpected a 500 page with an error id that the log names — never a stack trace.
 * Forms answer their own validation errors with the form itself; this is for what is left.
 */
@ControllerAdvice(basePackages = "de.gemeinwerk.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ConsoleModel model;

    ConsoleErrors(ConsoleModel model) {
        this.model = model;
    }

    @ExceptionHandler(ConsoleNotFound.class)
    ModelAndView notFound(HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(CsrfRefused.class)
    ModelAndView csrf(HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e, HttpServletRequest request) {
        return page(e.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, request);
    }

    /** A missing or mistyped parameter, a wrong method: requests that no page of the console sends. */
    @ExceptionHandler({org.springframework.web.bind.ServletRequestBindingException.class,
            org.springframework.beans.TypeMismatchException.class,
            org.springframework.web.multipart.MultipartException.class})
    ModelAndView badRequest(HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        log.error("Unexpected error {} on a console page", errorId, e);
        ModelAndView page = page(HttpStatus.INTERNAL_SERVER_ERROR, request);
        page.addObject("errorId", errorId);
        return page;
    }

    private ModelAndView page(HttpStatus status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("console/error");
        model.fill(request, page.getModel());
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}

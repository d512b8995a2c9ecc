package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the portal's pages as an HTML page in the reader's language. Only for the page controllers: the API and
 * the live feed keep the platform's problem+json; anything unexpected is left to the platform's handler too, which
 * logs it with an error id and shows no stack trace.
 */
@ControllerAdvice(assignableTypes = {LandingController.class, TenantPortalController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    /** e.g. a Thing that a concurrent request deleted between two reads of the page */
    @ExceptionHandler(ApiException.class)
    ModelAndView api(ApiException e) {
        return page(e.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("portal/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}

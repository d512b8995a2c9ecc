package de.gemeinwerk.platform.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (a filter's {@code sendError}, an exception thrown outside Spring
 * MVC) with a problem+json body instead of Spring Boot's whitelabel HTML page; replaces Boot's BasicErrorController.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // a direct request for the error path itself is simply a request for something that is not there
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 404);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String value ? value : request.getRequestURI();
        Throwable cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        Problem problem = status.is5xxServerError()
                ? UnexpectedErrors.report(status, cause, instance)
                : Problem.of(status, Problem.genericDetail(status), instance, null);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }
}

package de.gemeinwerk.platform.error;

import de.gemeinwerk.platform.json.JsonErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that leaves a controller into an RFC 9457 {@code application/problem+json} response:
 * {@link ApiException}, the exceptions of Spring MVC itself (malformed JSON, wrong media type, unknown URL, missing or
 * mistyped parameter, method not allowed, payload too large...) and, as 500 with an error id, anything else.
 * <p>
 * It has the lowest precedence, so a module's own {@code @RestControllerAdvice} with a higher one is asked first; but
 * the simplest way for a module to report an error is to throw {@link ApiException}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    /** A deadlock or busy database is usually over within a second or two. */
    private static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException e, HttpServletRequest request) {
        return problemResponse(Problem.of(e.status(), e.getMessage(), request.getRequestURI(), e.where()),
                new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, HttpServletRequest request) {
        if (TransientDatabaseErrors.isTransient(e)) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return problemResponse(UnexpectedErrors.reportTransient(e, request.getRequestURI()), headers);
        }
        return problemResponse(UnexpectedErrors.report(HttpStatus.INTERNAL_SERVER_ERROR, e, request.getRequestURI()),
                new HttpHeaders());
    }

    /** All of Spring MVC's own exceptions arrive here, with the status and headers (e.g. Allow) already chosen. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String instance = ((ServletWebRequest) request).getRequest().getRequestURI();
        Problem problem = status.is5xxServerError()
                ? UnexpectedErrors.report(status, ex, instance)
                : clientProblem(ex, body, status, instance);
        return problemResponse(problem, HttpHeaders.copyOf(headers));
    }

    private static Problem clientProblem(Exception ex, Object body, HttpStatusCode status, String instance) {
        return switch (ex) {
            case HttpMessageNotReadableException notReadable -> JsonErrors.find(notReadable)
                    .map(JsonErrors::toApiException)
                    .map(e -> Problem.of(status, e.getMessage(), instance, e.where()))
                    .orElseGet(() -> Problem.of(status, "The request body is missing or cannot be read.", instance,
                            "body"));
            case NoHandlerFoundException ignored -> Problem.of(status, Problem.genericDetail(status), instance, null);
            case NoResourceFoundException ignored -> Problem.of(status, Problem.genericDetail(status), instance, null);
            case MissingServletRequestParameterException missing ->
                    Problem.of(status, detail(body, status), instance, "parameter " + missing.getParameterName());
            case TypeMismatchException mismatch when mismatch.getPropertyName() != null ->
                    Problem.of(status, "Invalid value '" + mismatch.getValue() + "'.", instance,
                            "parameter " + mismatch.getPropertyName());
            default -> Problem.of(status, detail(body, status), instance, null);
        };
    }

    private static String detail(Object body, HttpStatusCode status) {
        if (body instanceof ProblemDetail problemDetail && problemDetail.getDetail() != null) {
            return problemDetail.getDetail();
        }
        return Problem.genericDetail(status);
    }

    private static ResponseEntity<Object> problemResponse(Problem problem, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status() == HttpStatus.UNAUTHORIZED.value()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE);
        }
        return ResponseEntity.status(problem.status()).headers(headers).body(problem);
    }
}

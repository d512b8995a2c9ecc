package de.gemeinwerk.platform.error;

import org.springframework.http.HttpStatus;

/**
 * An error meant for the client: {@link ProblemExceptionHandler} turns it into an RFC 9457 problem response with this
 * status, the message as {@code detail} and {@link #where()} pointing at the offending part of the request.
 * It carries no stack trace: these are expected outcomes (a wrong key, a bad filter), thrown often, never bugs.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String where;

    /**
     * @param where what part of the request is wrong, e.g. {@code "$filter at position 7"} or
     *              {@code "body: /Datastreams/0/unitOfMeasurement"}; null when it is the request as a whole
     */
    public ApiException(HttpStatus status, String message, String where) {
        super(message, null, false, false);
        this.status = status;
        this.where = where;
    }

    public HttpStatus status() {
        return status;
    }

    /** Part of the request the error is about, or null. */
    public String where() {
        return where;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, null);
    }

    public static ApiException badRequest(String message, String where) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, where);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, message, null);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message, null);
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, message, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, null);
    }

    public static ApiException notAcceptable(String message) {
        return new ApiException(HttpStatus.NOT_ACCEPTABLE, message, null);
    }

    public static ApiException unprocessable(String message, String where) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, message, where);
    }

    public static ApiException serviceUnavailable(String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, message, null);
    }

    public static ApiException notImplemented(String message) {
        return new ApiException(HttpStatus.NOT_IMPLEMENTED, message, null);
    }
}

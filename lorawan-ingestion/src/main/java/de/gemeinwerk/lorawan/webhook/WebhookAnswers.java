package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.error.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The webhook's answers, written straight to the servlet response: {@code {"outcome":"stored"}} (and the other
 * outcomes, each encoded once), or a refusal as RFC 9457 problem+json in the shape of every other Gemeinwerk error.
 */
final class WebhookAnswers {

    private static final Map<String, byte[]> OUTCOMES = new ConcurrentHashMap<>();

    private WebhookAnswers() {
    }

    static void outcome(HttpServletResponse response, String outcome) throws IOException {
        write(response, HttpStatus.OK.value(), "application/json", OUTCOMES.computeIfAbsent(outcome,
                name -> ("{\"outcome\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    static void problem(HttpServletResponse response, ApiException refused, String instance) throws IOException {
        if (refused.status() == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE);
        }
        write(response, refused.status().value(), "application/problem+json", JsonMapper.shared().writeValueAsBytes(
                Problem.of(refused.status(), refused.getMessage(), instance, refused.where())));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

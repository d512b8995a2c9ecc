package de.gemeinwerk.platform;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Endpoints that fail in the ways the error handling must cover. */
@RestController
class TestControllers {

    record Sample(String name, int count) {
    }

    @GetMapping("/test/failure")
    String failure() {
        throw new IllegalStateException("secret internal detail");
    }

    @GetMapping("/test/api-error")
    String apiError() {
        throw ApiException.badRequest("Unknown function 'foo'.", "$filter at position 7");
    }

    @PostMapping("/test/upload")
    String upload() {
        throw ApiException.payloadTooLarge("At most 10 MB per request.");
    }

    @GetMapping("/test/count")
    Map<String, Integer> count(@RequestParam int count) {
        return Map.of("count", count);
    }

    /** Bound by Spring's own JSON converter, so that its errors are covered too. */
    @PostMapping("/test/sample")
    Sample sample(@RequestBody Sample sample) {
        return sample;
    }
}

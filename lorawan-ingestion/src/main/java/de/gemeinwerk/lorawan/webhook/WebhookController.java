package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.ingest.IngestOutcome;
import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.ChirpStackEvents;
import de.gemeinwerk.lorawan.uplink.DeviceEvent;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.NetworkServerMessage;
import de.gemeinwerk.lorawan.uplink.TheThingsStackMessages;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.logging.LogContext;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP integrations of the network servers post here: ChirpStack ({@code ?event=up|join|…}, JSON or Protobuf) and
 * The Things Stack (any path below its base URL; the message type is recognised from the body). Answers 200 only once
 * the uplink is committed (or recognised as a duplicate, or as an event that is not stored); 503 with Retry-After
 * when it could not be, so the network server retries. Every refusal is logged in one line with tenant and reason.
 */
@RestController
public class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Tenants tenants;
    private final WebhookAuthentication authentication;
    private final UplinkSink sink;
    private final long waitMillis;

    public WebhookController(Tenants tenants, WebhookAuthentication authentication, UplinkSink sink,
                             @Value("${gemeinwerk.lorawan.ingest.timeout-millis:10000}") long timeoutMillis) {
        this.tenants = tenants;
        this.authentication = authentication;
        this.sink = sink;
        // the queue may hold it as long as a group's transaction takes, then its own group takes as long
        this.waitMillis = 2 * timeoutMillis;
    }

    @PostMapping("/{tenant}/lorawan/v1/chirpstack")
    Map<String, String> chirpstack(@PathVariable("tenant") String tenantSlug,
                                   @RequestParam(name = "event", required = false) String event,
                                   HttpServletRequest request, HttpServletResponse response) {
        return receive(tenantSlug, NetworkServer.CHIRPSTACK, request, response, body ->
                switch (contentType(request, true)) {
                    case "application/octet-stream" -> ChirpStackEvents.parseProtobuf(event, body);
                    default -> ChirpStackEvents.parse(event, body);
                });
    }

    @PostMapping({"/{tenant}/lorawan/v1/the-things-stack", "/{tenant}/lorawan/v1/the-things-stack/**"})
    Map<String, String> theThingsStack(@PathVariable("tenant") String tenantSlug, HttpServletRequest request,
                                       HttpServletResponse response) {
        return receive(tenantSlug, NetworkServer.THE_THINGS_STACK, request, response, body -> {
            contentType(request, false);
            return TheThingsStackMessages.parse(body);
        });
    }

    private interface Parser {
        NetworkServerMessage parse(byte[] body);
    }

    private Map<String, String> receive(String tenantSlug, NetworkServer server, HttpServletRequest request,
                                        HttpServletResponse response, Parser parser) {
        try {
            return receiveOrRefuse(tenantSlug, server, request, parser);
        } catch (ApiException refused) {
            log.info("LoRaWAN {} webhook of tenant '{}' refused ({}): {}{}", NetworkServerNames.name(server),
                    tenantSlug, refused.status().value(), refused.getMessage(),
                    refused.where() == null ? "" : " at " + refused.where());
            if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            throw refused;
        }
    }

    private Map<String, String> receiveOrRefuse(String tenantSlug, NetworkServer server, HttpServletRequest request,
                                                Parser parser) {
        try {
            Tenant tenant = tenants.require(tenantSlug);
            MDC.put(LogContext.TENANT, tenant.slug());
            authentication.authenticate(tenant.id(), server, request);
            NetworkServerMessage message = parser.parse(body(request));
            if (message instanceof DeviceEvent event) {
                log.info("LoRaWAN {} event '{}' of device {} ignored", NetworkServerNames.name(server), event.type(),
                        event.devEui());
                return Map.of("outcome", "ignored");
            }
            return Map.of("outcome", store(tenant, (Uplink) message).name().toLowerCase(Locale.ROOT));
        } catch (DataAccessException databaseDown) {
            // looking up the tenant or the secret failed: the network server must retry, not give up on a 500
            throw unavailable();
        }
    }

    private IngestOutcome store(Tenant tenant, Uplink uplink) {
        try {
            return sink.submit(tenant.id(), uplink).get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ApiException refused ? refused : unavailable();
        } catch (TimeoutException e) {
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return ApiException.serviceUnavailable(
                "The uplink could not be stored now (database unavailable or busy); try again.");
    }

    /** The body's media type (JSON, or — for ChirpStack — Protobuf as octet-stream); 415 for anything else. */
    private static String contentType(HttpServletRequest request, boolean protobufAllowed) {
        String header = request.getContentType();
        String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("application/json") || (protobufAllowed && type.equals("application/octet-stream"))) {
            return type;
        }
        throw ApiException.unsupportedMediaType("Send the event as application/json"
                + (protobufAllowed ? " (or application/octet-stream for ChirpStack's Protobuf encoding)" : "")
                + ", not '" + (header == null ? "no Content-Type" : header) + "'.");
    }

    /** The body, at most 1 MiB; 413 beyond. */
    private static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read: " + e.getMessage(), "body");
        }
    }

    private static ApiException tooLarge() {
        return ApiException.payloadTooLarge("A webhook body may be at most 1 MiB.");
    }
}

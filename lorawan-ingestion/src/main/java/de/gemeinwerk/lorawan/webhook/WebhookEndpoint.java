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
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP integrations of the network servers post here: ChirpStack ({@code /{tenant}/lorawan/v1/chirpstack?event=
 * up|join|…}, JSON or Protobuf) and The Things Stack ({@code /{tenant}/lorawan/v1/the-things-stack[/…]}, any path
 * below its base URL; the message type is recognised from the body). Answers 200 only once the uplink is committed
 * (or recognised as a duplicate, or as an event that is not stored); 503 with Retry-After when it could not be, so
 * the network server retries. Every refusal is logged in one line with tenant and reason.
 * <p>
 * A servlet filter right after the request log, not a Spring MVC controller: a webhook is one fixed request shape
 * posted thousands of times a second, and Spring MVC's dispatch (filters, handler lookup, argument resolution,
 * content negotiation, metrics observation) cost about as much CPU as everything else the request does. The request
 * log line and id stay; the {@code http.server.requests} metrics leave webhook posts out ({@link WebhookObservations}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WebhookEndpoint extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Tenants tenants;
    private final WebhookAuthentication authentication;
    private final UplinkSink sink;
    private final long waitMillis;

    public WebhookEndpoint(Tenants tenants, WebhookAuthentication authentication, UplinkSink sink,
                           @Value("${gemeinwerk.lorawan.ingest.timeout-millis:10000}") long timeoutMillis) {
        this.tenants = tenants;
        this.authentication = authentication;
        this.sink = sink;
        // the queue may hold it as long as a group's transaction takes, then its own group takes as long
        this.waitMillis = 2 * timeoutMillis;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        WebhookPath path = WebhookPath.of(request.getRequestURI());
        if (path == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!request.getMethod().equals("POST")) {
                response.setHeader(HttpHeaders.ALLOW, "POST");
                throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "A webhook takes POST requests only.", null);
            }
            WebhookAnswers.outcome(response, receive(path, request));
        } catch (ApiException refused) {
            log.info("LoRaWAN {} webhook of tenant '{}' refused ({}): {}{}", NetworkServerNames.name(path.server()),
                    path.tenant(), refused.status().value(), refused.getMessage(),
                    refused.where() == null ? "" : " at " + refused.where());
            if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            WebhookAnswers.problem(response, refused, request.getRequestURI());
        }
    }

    /** The outcome's name ({@code stored}, {@code duplicate}, {@code quarantined}, {@code ignored}). */
    private String receive(WebhookPath path, HttpServletRequest request) {
        try {
            Tenant tenant = tenants.require(path.tenant());
            MDC.put(LogContext.TENANT, tenant.slug());
            authentication.authenticate(tenant.id(), path.server(), request);
            NetworkServerMessage message = parse(path.server(), request);
            if (message instanceof DeviceEvent event) {
                log.info("LoRaWAN {} event '{}' of device {} ignored", NetworkServerNames.name(path.server()),
                        event.type(), event.devEui());
                return "ignored";
            }
            return store(tenant, (Uplink) message).name().toLowerCase(Locale.ROOT);
        } catch (DataAccessException databaseDown) {
            // looking up the tenant or the secret failed: the network server must retry, not give up on a 500
            throw unavailable();
        }
    }

    private static NetworkServerMessage parse(NetworkServer server, HttpServletRequest request) {
        if (server == NetworkServer.THE_THINGS_STACK) {
            contentType(request, false);
            return TheThingsStackMessages.parse(body(request));
        }
        String event = WebhookPath.queryParameter(request.getQueryString(), "event");
        return contentType(request, true).equals("application/octet-stream")
                ? ChirpStackEvents.parseProtobuf(event, body(request))
                : ChirpStackEvents.parse(event, body(request));
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

package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks the secret a network server presents: {@code Authorization: Bearer <secret>}, or HTTP Basic with the secret
 * as password and any user name (The Things Stack's "request authentication" can only send Basic).
 */
@Component
class WebhookAuthentication {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final Webhooks webhooks;

    WebhookAuthentication(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /**
     * @throws ApiException 401 without a secret or with one that is no webhook's of the tenant, 403 with the secret of
     *                      the tenant's webhook for the other network server
     */
    void authenticate(long tenantId, NetworkServer expected, HttpServletRequest request) {
        String secret = secret(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret == null) {
            throw ApiException.unauthorized("This webhook needs its secret: Authorization: Bearer <secret>, or Basic"
                    + " with the secret as password.");
        }
        NetworkServer server = webhooks.serverOf(tenantId, secret).orElseThrow(() ->
                ApiException.unauthorized("The secret is not one of this tenant's webhooks."));
        if (server != expected) {
            throw ApiException.forbidden("The secret belongs to this tenant's webhook for "
                    + NetworkServerNames.name(server) + ", not " + NetworkServerNames.name(expected) + ".");
        }
    }

    /** The secret in an Authorization header, or null when it has none. */
    static String secret(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String credentials = new String(Base64.getDecoder().decode(
                        authorization.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon < 0 ? null : credentials.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }
}

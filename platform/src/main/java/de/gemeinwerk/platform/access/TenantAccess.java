package de.gemeinwerk.platform.access;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.logging.LogContext;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a request may do something on a tenant, from the API key it presents in
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. Cheap enough for every request: tenants and keys
 * come from short-lived in-memory caches.
 */
@Component
public class TenantAccess {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final Tenants tenants;
    private final ApiKeys apiKeys;

    public TenantAccess(Tenants tenants, ApiKeys apiKeys) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
    }

    /**
     * The tenant, if the request may do what {@code needed} allows there; also puts the slug into the logging MDC.
     * Reads ({@link Role#READ}) need no key unless the tenant has private reads; an instance-level admin key may do
     * everything everywhere.
     *
     * @throws ApiException 404 for an unknown tenant; 401 when a needed key is missing, or a key is unknown or
     *                      revoked; 403 for a key of another tenant or with too low a role
     */
    public Tenant authorize(String tenantSlug, HttpServletRequest request, Role needed) {
        return access(tenantSlug, presentedKey(request), needed).tenant();
    }

    /** {@link #authorize}, telling also whether the caller sees the tenant's private entities. */
    public Access access(String tenantSlug, HttpServletRequest request, Role needed) {
        return access(tenantSlug, presentedKey(request), needed);
    }

    /**
     * The same decision for a key presented otherwise than in HTTP headers (e.g. as an MQTT password); {@code key}
     * is null when none was presented.
     */
    public Tenant authorize(String tenantSlug, String key, Role needed) {
        return access(tenantSlug, key, needed).tenant();
    }

    /** {@link #authorize(String, String, Role)}, telling also whether the caller sees the tenant's private entities. */
    public Access access(String tenantSlug, String key, Role needed) {
        Tenant tenant = tenants.require(tenantSlug);
        MDC.put(LogContext.TENANT, tenant.slug());
        if (key == null) {
            if (needed == Role.READ && !tenant.privateReads()) {
                return new Access(tenant, false);
            }
            throw ApiException.unauthorized("This needs an API key (Authorization: Bearer <key>).");
        }
        ApiKey apiKey = validKey(key);
        if (apiKey.isInstanceAdmin()) {
            return new Access(tenant, true);
        }
        boolean ownKey = Objects.equals(apiKey.tenantId(), tenant.id());
        if (!ownKey) {
            if (needed == Role.READ && !tenant.privateReads()) {
                return new Access(tenant, false);
            }
            throw ApiException.forbidden("This API key is not valid for tenant '" + tenant.slug() + "'.");
        }
        if (!apiKey.role().includes(needed)) {
            throw ApiException.forbidden("This needs an API key with the role '" + needed.value() + "'.");
        }
        return new Access(tenant, true);
    }

    /**
     * The request's key if it is an instance-level admin key, for what concerns the whole installation (e.g.
     * creating tenants).
     *
     * @throws ApiException 401 without a valid key, 403 for any other key
     */
    public ApiKey authorizeInstanceAdmin(HttpServletRequest request) {
        String key = presentedKey(request);
        if (key == null) {
            throw ApiException.unauthorized("This needs an instance admin API key (Authorization: Bearer <key>).");
        }
        ApiKey apiKey = validKey(key);
        if (!apiKey.isInstanceAdmin()) {
            throw ApiException.forbidden("This needs an instance admin API key.");
        }
        return apiKey;
    }

    /** The valid API key the request presents, if any: to record who did something, after authorizing it. */
    public Optional<ApiKey> presentedApiKey(HttpServletRequest request) {
        String key = presentedKey(request);
        return key == null ? Optional.empty() : apiKeys.findActive(key);
    }

    private ApiKey validKey(String key) {
        return apiKeys.findActive(key)
                .orElseThrow(() -> ApiException.unauthorized("The API key is unknown or revoked."));
    }

    /** The key from the request's headers, or null if it presents none. */
    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        String header = request.getHeader(API_KEY_HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }
}

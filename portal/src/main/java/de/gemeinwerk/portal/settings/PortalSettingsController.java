package de.gemeinwerk.portal.settings;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal settings over the admin HTTP API ({@code /{tenant}/admin/v1/portal-settings}), with the tenant's admin
 * key: what the admin console's settings page will use, and what a script can set until then.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/portal-settings")
class PortalSettingsController {

    /** The boundary as a GeoJSON object, not as text in a string. */
    record Body(String tileUrl, String tileAttribution, JsonNode boundary) {}

    private final PortalSettingsStore store;
    private final TenantAccess access;
    private final StrictJson strictJson;
    private final JsonMapper json;

    PortalSettingsController(PortalSettingsStore store, TenantAccess access, StrictJson strictJson, JsonMapper json) {
        this.store = store;
        this.access = access;
        this.strictJson = strictJson;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Body get(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        return body(store.find(tenant.id()));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Body put(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        Body read = strictJson.read(body, Body.class);
        JsonNode boundary = read.boundary();
        String boundaryText = boundary == null || boundary.isNull() ? null : boundary.toString();
        return body(store.save(tenant.id(), new PortalSettings(read.tileUrl(), read.tileAttribution(), boundaryText)));
    }

    private Body body(PortalSettings settings) {
        return new Body(settings.tileUrl(), settings.tileAttribution(),
                settings.boundary() == null ? null : json.readTree(settings.boundary()));
    }
}

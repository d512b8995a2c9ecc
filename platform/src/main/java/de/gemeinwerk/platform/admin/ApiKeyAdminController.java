package de.gemeinwerk.platform.admin;

import de.gemeinwerk.platform.access.ApiKey;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.CreatedApiKey;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Managing a tenant's API keys over HTTP; needs an admin key of that tenant or an instance-level admin key. */
@RestController
@RequestMapping("/{tenant}/admin/v1/api-keys")
public class ApiKeyAdminController {

    record CreateApiKeyRequest(String name, String role) {
    }

    private final ApiKeys apiKeys;
    private final TenantAccess access;
    private final StrictJson json;

    public ApiKeyAdminController(ApiKeys apiKeys, TenantAccess access, StrictJson json) {
        this.apiKeys = apiKeys;
        this.access = access;
        this.json = json;
    }

    /** Answers with the new key's secret; it is shown this once and cannot be retrieved again. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedApiKey> create(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body,
                                         HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        CreateApiKeyRequest create = json.read(body, CreateApiKeyRequest.class);
        CreatedApiKey created = apiKeys.create(tenant.id(), create.name(), Role.parse(create.role()));
        return ResponseEntity.created(URI.create("/" + tenant.slug() + "/admin/v1/api-keys/" + created.apiKey().id()))
                .body(created);
    }

    @GetMapping
    List<ApiKey> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        return apiKeys.listForTenant(tenant.id());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable("tenant") String tenantSlug, @PathVariable long id,
                                HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        apiKeys.revokeForTenant(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }
}

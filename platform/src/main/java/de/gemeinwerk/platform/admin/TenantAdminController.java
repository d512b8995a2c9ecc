package de.gemeinwerk.platform.admin;

import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Managing tenants over HTTP; needs an instance-level admin key. */
@RestController
@RequestMapping("/admin/v1/tenants")
public class TenantAdminController {

    record CreateTenantRequest(String slug, String name, Boolean privateReads) {
    }

    /** Fields left out (or null) stay as they are. */
    record UpdateTenantRequest(String name, Boolean privateReads) {
    }

    private final Tenants tenants;
    private final TenantAccess access;
    private final StrictJson json;

    public TenantAdminController(Tenants tenants, TenantAccess access, StrictJson json) {
        this.tenants = tenants;
        this.access = access;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Tenant> create(@RequestBody byte[] body, HttpServletRequest request) {
        access.authorizeInstanceAdmin(request);
        CreateTenantRequest create = json.read(body, CreateTenantRequest.class);
        Tenant tenant = tenants.create(create.slug(), create.name(), Boolean.TRUE.equals(create.privateReads()));
        return ResponseEntity.created(URI.create("/admin/v1/tenants/" + tenant.slug())).body(tenant);
    }

    @GetMapping
    List<Tenant> list(HttpServletRequest request) {
        access.authorizeInstanceAdmin(request);
        return tenants.list();
    }

    @PatchMapping(path = "/{slug}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    Tenant update(@PathVariable String slug, @RequestBody byte[] body, HttpServletRequest request) {
        access.authorizeInstanceAdmin(request);
        UpdateTenantRequest update = json.read(body, UpdateTenantRequest.class);
        return tenants.update(slug, update.name(), update.privateReads());
    }
}

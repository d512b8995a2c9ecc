package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.TenantLogos;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The municipality's logo in its portal's header ({@code /{tenant}/portal/logo}, set in the admin console). */
@Controller
class LogoController {

    private final PublicTenants tenants;
    private final TenantLogos logos;

    LogoController(PublicTenants tenants, TenantLogos logos) {
        this.tenants = tenants;
        this.logos = logos;
    }

    @GetMapping("/{tenant}/portal/logo")
    ResponseEntity<byte[]> logo(@PathVariable("tenant") String slug) {
        Tenant tenant = tenants.require(slug);
        return LogoResponse.of(logos.find(tenant.id()).orElseThrow(PageNotFound::new));
    }
}

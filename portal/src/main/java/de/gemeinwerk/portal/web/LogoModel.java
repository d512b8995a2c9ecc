package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.tenant.TenantLogos;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The model attribute {@code logo} of every page of a tenant's portal: its logo's URL with the version, or none. */
@ControllerAdvice(assignableTypes = TenantPortalController.class)
class LogoModel {

    private final PublicTenants tenants;
    private final TenantLogos logos;

    LogoModel(PublicTenants tenants, TenantLogos logos) {
        this.tenants = tenants;
        this.logos = logos;
    }

    @ModelAttribute
    void logoUrl(@PathVariable("tenant") String slug, Model model) {
        tenants.find(slug).flatMap(tenant -> logos.version(tenant.id())).ifPresent(version ->
                model.addAttribute("logo", "/" + slug + "/portal/logo?v=" + version.toEpochMilli()));
    }
}

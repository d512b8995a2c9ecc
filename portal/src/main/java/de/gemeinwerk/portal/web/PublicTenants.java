package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The tenants that have a public portal: those whose data anyone may read. A tenant with private reads has none —
 * its portal would show nothing without a key — and is neither listed nor reachable (404, as for an unknown slug, so
 * the page does not tell that it exists).
 */
@Component
public class PublicTenants {

    private final Tenants tenants;

    public PublicTenants(Tenants tenants) {
        this.tenants = tenants;
    }

    List<Tenant> list() {
        return tenants.list().stream().filter(t -> !t.privateReads()).toList();
    }

    /** The tenant if it has a public portal. */
    public Optional<Tenant> find(String slug) {
        return tenants.find(slug).filter(t -> !t.privateReads());
    }

    Tenant require(String slug) {
        return find(slug).orElseThrow(PageNotFound::new);
    }
}

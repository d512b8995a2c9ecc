package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SensorThings service root of a tenant as the API itself names it in self links: the configured public URL, or
 * the URL the request reached (X-Forwarded-* honoured), plus {@code /{tenant}/v1.1}. Pages link to it, so a reader
 * finds the data behind what the page shows.
 */
@Component
class ServiceRoots {

    private final String publicUrl;

    ServiceRoots(@Value("${gemeinwerk.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String of(Tenant tenant, HttpServletRequest request) {
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).toUriString()
                : publicUrl;
        return base + "/" + tenant.slug() + "/v1.1";
    }
}

package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.tenant.TenantLogos;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

/**
 * A tenant's logo as a response that is safe whatever the file holds: its type is the one its bytes were recognised
 * as (not what the uploader claimed), browsers must not sniff another, and a sandboxing Content-Security-Policy keeps
 * an SVG opened on its own from running scripts or loading anything (inside an {@code <img>} an SVG runs none anyway).
 */
public final class LogoResponse {

    // the URL carries the logo's version (?v=…), so a changed logo is a new URL
    private static final Duration MAX_AGE = Duration.ofDays(1);

    private LogoResponse() {}

    public static ResponseEntity<byte[]> of(TenantLogos.Logo logo) {
        String extension = logo.mediaType().substring(logo.mediaType().indexOf('/') + 1).replace("+xml", "");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.mediaType()))
                .cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .header(ContentSecurityPolicy.HEADER, "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"logo." + extension + "\"")
                .body(logo.content());
    }
}

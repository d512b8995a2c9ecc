package de.gemeinwerk.portal.web;

import java.net.URI;

/**
 * The Content-Security-Policy of the portal's pages: scripts, styles, data and the live stream only from this server,
 * and images also from the tenant's tile server when it has one. So "the page makes no outbound request without a
 * tile URL" is enforced by the browser, not only kept by our own scripts; and injected markup could not load or send
 * anything elsewhere. Inline styles are allowed because Leaflet positions its markers with them. Pure.
 */
final class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    private ContentSecurityPolicy() {}

    /** The policy for a page; {@code tileUrl} is the tenant's tile URL template or null. */
    static String of(String tileUrl) {
        String tiles = tileUrl == null ? "" : " " + tileSource(tileUrl);
        return "default-src 'self'; img-src 'self' data:" + tiles + "; style-src 'self' 'unsafe-inline';"
                + " script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'self'";
    }

    /**
     * The origin the tiles come from: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} →
     * {@code https://*.tile.example.org} (a placeholder as first label is a subdomain); any other placeholder in
     * the host allows the scheme's hosts, since no narrower source expression matches them.
     */
    static String tileSource(String tileUrl) {
        URI uri = URI.create(tileUrl.replaceAll("\\{[^}]*}", "placeholder"));
        String scheme = uri.getScheme();
        String host = tileUrl.substring(scheme.length() + 3).split("[/?#]", 2)[0];
        if (host.startsWith("{") && host.indexOf('}') > 0 && !host.substring(host.indexOf('}') + 1).contains("{")) {
            return scheme + "://*" + host.substring(host.indexOf('}') + 1);
        }
        return host.contains("{") ? scheme + ":" : scheme + "://" + host;
    }
}

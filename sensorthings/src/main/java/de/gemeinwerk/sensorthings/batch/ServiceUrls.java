package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.stream.Stream;

/**
 * Where the URL of a batch request points, relative to the service root the batch was sent to. OData lets it be
 * relative ({@code Things(1)}), an absolute path ({@code /musterstadt/v1.1/Things(1)}) or an absolute URL; the
 * latter two must lie in this very service: a batch cannot reach another tenant (or host).
 *
 * @param serviceRoot the service root as links show it (the public URL when configured)
 * @param requestRoot the service root as the batch request reached the server
 */
public record ServiceUrls(String serviceRoot, String requestRoot) {

    /** @param path percent-encoded, e.g. {@code /Things(1)}; empty for the service root */
    public record Relative(String path, String query) {}

    /** @throws ApiException 404 for a URL outside this service */
    public Relative relative(String url, String where) {
        String rest;
        if (url.contains("://")) {
            rest = below(url, Stream.of(serviceRoot, requestRoot), where);
        } else if (url.startsWith("/")) {
            rest = below(url, Stream.of(serviceRoot, requestRoot).map(root -> URI.create(root).getRawPath()), where);
        } else {
            rest = "/" + url;
        }
        int query = rest.indexOf('?');
        return query < 0 ? new Relative(rest, null) : new Relative(rest.substring(0, query), rest.substring(query + 1));
    }

    private String below(String url, Stream<String> roots, String where) {
        return roots.map(root -> root.endsWith("/") ? root.substring(0, root.length() - 1) : root)
                .filter(root -> url.equals(root) || url.startsWith(root + "/") || url.startsWith(root + "?"))
                .map(root -> url.substring(root.length()))
                .findFirst()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "'" + url + "' is not in this service ("
                        + serviceRoot + "); the requests of a batch address the service the batch was sent to", where));
    }
}

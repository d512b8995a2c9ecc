package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.aggregate.Extension;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.query.path.ResourcePathParser;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriUtils;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One SensorThings request, parsed: tenant, resource path (null at the service root), query options,
 * and the URLs responses link to.
 *
 * @param reader      whose rows, as seen by whom: what every read of the request goes through
 * @param path        the standard resource path; with an extension the part before the extension's segment
 * @param extension   the Gemeinwerk extension the path ends with ({@code $aggregate}, {@code $latest}), or null
 * @param parameters  all query parameters, decoded (the extensions have parameters of their own)
 * @param serviceRoot e.g. https://example.org/musterstadt/v1.1
 * @param requestUrl  the service root plus the resource path, without query
 */
record StaRequest(Tenant tenant, ReadScope reader, ResourcePath path, Extension extension, QueryOptions options,
                  Map<String, String> parameters, String serviceRoot, String requestUrl, String rawQuery) {

    static final String VERSION = "v1.1";

    static StaRequest parse(Tenant tenant, ReadScope reader, HttpServletRequest request, String publicUrl) {
        String prefix = request.getContextPath() + "/" + tenant.slug() + "/" + VERSION;
        String rawPath = request.getRequestURI().substring(Math.min(prefix.length(), request.getRequestURI().length()));
        return of(tenant, reader, serviceRoot(tenant, request, publicUrl), rawPath, request.getQueryString());
    }

    /**
     * @param rawPath  what follows the service root, as sent (percent-encoded): {@code /Things(1)}, or empty
     * @param rawQuery the query string as sent, or null
     */
    static StaRequest of(Tenant tenant, ReadScope reader, String serviceRoot, String rawPath, String rawQuery) {
        String path;
        try {
            path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the path is not correctly percent-encoded: " + rawPath, "path");
        }
        try {
            Extension extension = Extension.of(path);
            String standardPath = extension == null ? path : extension.standardPath(path);
            ResourcePath resourcePath = standardPath.isEmpty() || standardPath.equals("/") ? null
                    : ResourcePathParser.parse(standardPath);
            Map<String, String> parameters = parameters(rawQuery);
            QueryOptions options = QueryOptionsParser.parse(parameters);
            return new StaRequest(tenant, reader, resourcePath, extension, options, parameters, serviceRoot,
                    serviceRoot + stripSlash(rawPath), rawQuery);
        } catch (QuerySyntaxException e) {
            throw syntaxError(e);
        }
    }

    /** e.g. https://example.org/musterstadt/v1.1: the public URL when configured, else as the request reached us. */
    static String serviceRoot(Tenant tenant, HttpServletRequest request, String publicUrl) {
        String base = publicUrl != null && !publicUrl.isBlank() ? stripSlash(publicUrl)
                : org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        return base + "/" + tenant.slug() + "/" + VERSION;
    }

    /**
     * The query string's parameters, decoded as a servlet container does ('+' is a space). Read from the
     * query string only: the servlet parameter map would consume a form-encoded body. A repeated option is
     * ambiguous, so it is refused.
     */
    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String name = decode(nameAndValue[0]);
            String value = nameAndValue.length > 1 ? decode(nameAndValue[1]) : "";
            if (parameters.putIfAbsent(name, value) != null && name.startsWith("$")) {
                throw ApiException.badRequest("the query option " + name + " is given more than once", name);
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the query string is not correctly percent-encoded: " + text, "query");
        }
    }

    static ApiException syntaxError(QuerySyntaxException e) {
        String where = e.position() >= 0 ? e.part() + " at position " + e.position() : e.part();
        return ApiException.badRequest(e.getMessage(), where);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

package de.gemeinwerk.sensorthings.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @iot.nextLink}: the request URL with $top and $skip set for the next page, every other
 * parameter kept exactly as the client encoded it.
 */
final class PagingLinks {

    private PagingLinks() {}

    static String next(String requestUrl, String rawQuery, int top, int skip) {
        List<String> kept = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String parameter : rawQuery.split("&")) {
                String name = URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!name.equals("$top") && !name.equals("$skip") && !parameter.isEmpty()) {
                    kept.add(parameter);
                }
            }
        }
        kept.add("$top=" + top);
        kept.add("$skip=" + (skip + top));
        return requestUrl + "?" + String.join("&", kept);
    }
}

package de.gemeinwerk.sensorthings.query.options;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes query options back as a URL query, e.g. for an {@code @iot.nextLink} that repeats an $expand item's options
 * on the navigation URL. {@link QueryOptionsParser} reads the written options back as they were, except for the
 * positions, which point into the text originally parsed.
 */
public final class QueryOptionsWriter {

    /**
     * Besides ASCII letters and digits, the characters left unencoded in values: legal in a URL query and
     * readable in links. '&amp;', '=', '+' (a space to servlet containers), '%', '#' and spaces are encoded.
     */
    private static final String UNENCODED = "-._~$'(),;/:@!*";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private QueryOptionsWriter() {}

    /** {@code $top=2&$skip=2&$filter=result%20gt%203}: the options present, percent-encoded, without '?'. */
    public static String query(QueryOptions options) {
        return values(options).entrySet().stream()
                .map(option -> option.getKey() + "=" + percentEncoded(option.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The options present, by name, with unencoded values, in the order of {@link SystemOption} ($top first). */
    public static SequencedMap<String, String> values(QueryOptions options) {
        SequencedMap<String, String> values = new LinkedHashMap<>();
        for (SystemOption option : SystemOption.values()) {
            String value = value(option, options);
            if (value != null) {
                values.put(option.text(), value);
            }
        }
        return values;
    }

    /** The value of one option, null if it is absent. */
    private static String value(SystemOption option, QueryOptions options) {
        return switch (option) {
            case TOP -> text(options.top());
            case SKIP -> text(options.skip());
            case COUNT -> text(options.count());
            case ORDER_BY -> commaSeparated(options.orderBy(), QueryOptionsWriter::orderByKey);
            case SELECT -> commaSeparated(options.select(), item -> String.join("/", item.path()));
            case EXPAND -> commaSeparated(options.expand(), QueryOptionsWriter::expandItem);
            case FILTER -> options.filter() == null ? null : ExpressionWriter.write(options.filter());
            case RESULT_FORMAT -> options.resultFormat();
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static <T> String commaSeparated(List<T> items, Function<T, String> writer) {
        return items.isEmpty() ? null : items.stream().map(writer).collect(Collectors.joining(","));
    }

    private static String orderByKey(QueryOptions.OrderBy key) {
        return ExpressionWriter.write(key.expression()) + (key.descending() ? " desc" : "");
    }

    /** {@code Datastreams/Observations($top=1;$expand=FeatureOfInterest)}; "()" without options would be an error. */
    private static String expandItem(QueryOptions.ExpandItem item) {
        String path = String.join("/", item.path());
        SequencedMap<String, String> nested = values(item.options());
        return nested.isEmpty() ? path : nested.entrySet().stream()
                .map(option -> option.getKey() + "=" + option.getValue())
                .collect(Collectors.joining(";", path + "(", ")"));
    }

    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || UNENCODED.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.toHexDigits(b));
            }
        }
        return encoded.toString();
    }
}

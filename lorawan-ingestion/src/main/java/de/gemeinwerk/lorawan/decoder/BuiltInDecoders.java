package de.gemeinwerk.lorawan.decoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The decoders shipped with Gemeinwerk for the built-in device types, by device-type key. Each is a complete
 * {@code decodeUplink} script (resources in {@code lorawan/decoders/}); the two Milesight EM500 models share the
 * channel reader and differ only in their channel table, so their sources are that table followed by the reader.
 */
public final class BuiltInDecoders {

    public static final String MILESIGHT_EM500_UDL = "milesight-em500-udl";
    public static final String MILESIGHT_EM500_SWL = "milesight-em500-swl";
    public static final String DRAGINO_LAQ4 = "dragino-laq4";
    public static final String NWAVE_NPS405 = "nwave-nps405";

    private static final Map<String, String> SOURCES = load();

    private BuiltInDecoders() {
    }

    /** Every built-in decoder's source by device-type key, in a stable order. */
    public static Map<String, String> all() {
        return SOURCES;
    }

    public static Optional<String> source(String deviceTypeKey) {
        return Optional.ofNullable(SOURCES.get(deviceTypeKey));
    }

    private static Map<String, String> load() {
        String milesight = resource("milesight-em500.js");
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(MILESIGHT_EM500_UDL, resource(MILESIGHT_EM500_UDL + ".js") + "\n" + milesight);
        sources.put(MILESIGHT_EM500_SWL, resource(MILESIGHT_EM500_SWL + ".js") + "\n" + milesight);
        sources.put(DRAGINO_LAQ4, resource(DRAGINO_LAQ4 + ".js"));
        sources.put(NWAVE_NPS405, resource(NWAVE_NPS405 + ".js"));
        return Collections.unmodifiableMap(sources);
    }

    private static String resource(String name) {
        try (InputStream in = BuiltInDecoders.class.getResourceAsStream("/lorawan/decoders/" + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in decoder missing from the classpath: lorawan/decoders/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

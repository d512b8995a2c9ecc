package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.platform.error.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How devices adopted together are named: text with the placeholders {@code {deviceName}} (the name the network server
 * gave the device, else its DevEUI), {@code {devEui}} and {@code {n}} (its position in the adoption, from 1), e.g.
 * {@code "Parkplatz {n}"}. Checked before the job starts, so a typo fails the request, not 400 devices. Pure.
 */
public final class NamePattern {

    public static final String DEFAULT = "{deviceName}";
    private static final Set<String> PLACEHOLDERS = Set.of("deviceName", "devEui", "n");
    private static final int MAX_LENGTH = 200;

    // literal text and placeholder names in turn, starting with text (possibly empty)
    private final List<String> parts;

    private NamePattern(List<String> parts) {
        this.parts = parts;
    }

    /** The pattern in {@code text} ({@link #DEFAULT} when null); 400 at {@code where} for an unknown or open brace. */
    public static NamePattern parse(String text, String where) {
        String pattern = text == null ? DEFAULT : text;
        if (pattern.isBlank() || pattern.length() > MAX_LENGTH) {
            throw ApiException.badRequest("A name pattern is 1 to " + MAX_LENGTH + " characters.", where);
        }
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = pattern.indexOf('{', at);
            int strayClose = pattern.indexOf('}', at);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw ApiException.badRequest("The '}' at position " + (strayClose + 1) + " closes no placeholder.",
                        where);
            }
            if (open < 0) {
                parts.add(pattern.substring(at));
                return new NamePattern(parts);
            }
            int close = pattern.indexOf('}', open);
            String name = close < 0 ? null : pattern.substring(open + 1, close);
            if (name == null || !PLACEHOLDERS.contains(name)) {
                throw ApiException.badRequest("Unknown placeholder at position " + (open + 1)
                        + "; a name pattern may use {deviceName}, {devEui} and {n}.", where);
            }
            parts.add(pattern.substring(at, open));
            parts.add(name);
            at = close + 1;
        }
    }

    /** The name of the {@code n}th device (from 1); {@code deviceName} may be null. */
    public String name(String devEui, String deviceName, int n) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                name.append(part);
            } else {
                name.append(switch (part) {
                    case "deviceName" -> deviceName == null || deviceName.isBlank() ? devEui : deviceName.strip();
                    case "devEui" -> devEui;
                    default -> String.valueOf(n);
                });
            }
        }
        return name.toString().strip();
    }
}

package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;

import java.util.Locale;
import java.util.regex.Pattern;

/** The one spelling of a DevEUI in Gemeinwerk: 16 lowercase hex digits (ChirpStack sends lowercase, TTS uppercase). */
public final class DevEui {

    private static final Pattern HEX16 = Pattern.compile("[0-9a-fA-F]{16}");

    private DevEui() {
    }

    /**
     * {@code text} in lowercase; 400 naming {@code where} unless it is exactly 16 hex digits in either case
     * (separators such as {@code -} or {@code :} are refused, so one EUI never has two spellings).
     */
    public static String normalise(String text, String where) {
        if (text == null || !HEX16.matcher(text).matches()) {
            throw ApiException.badRequest("A DevEUI is exactly 16 hex digits without separators, not '"
                    + text + "'.", where);
        }
        return text.toLowerCase(Locale.ROOT);
    }
}

package de.gemeinwerk.console.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The CSRF check: every form carries its session's token in the hidden field {@value #FIELD}, and a POST is carried
 * out only when the field equals the token. Another site can make a browser send a form here, but cannot read the
 * token. Pure.
 */
public final class Csrf {

    /** The hidden field's name in every form. */
    public static final String FIELD = "_csrf";

    private Csrf() {}

    /** Whether {@code presented} is the {@code expected} token, compared in constant time; false for any null. */
    public static boolean matches(String expected, String presented) {
        if (expected == null || presented == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}

package de.gemeinwerk.console.signin;

import java.net.URI;

/**
 * Where to go after signing in ({@code anmelden?weiter=…}): only a path of the same tenant's console, so the login
 * page cannot be used to send someone to another site ({@code //evil.example}, {@code https://…}) or into another
 * tenant's console. Pure.
 */
public final class ReturnPath {

    private ReturnPath() {}

    /** {@code wanted} if it is a safe path into {@code slug}'s console, else the console's overview. */
    public static String safe(String wanted, String slug) {
        String console = "/" + slug + "/verwaltung/";
        if (wanted == null || !wanted.startsWith(console) || wanted.length() > 2000) {
            return console;
        }
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            // no control characters (header injection), no backslashes (some browsers read them as slashes), no
            // braces (Spring would expand them as URI template variables in the redirect and fail)
            if (c < 0x20 || c == 0x7F || c == '\\' || c == '{' || c == '}') {
                return console;
            }
        }
        // no "//" (a network path once normalised) and no dot segments that climb out of the console
        String lower = wanted.toLowerCase(java.util.Locale.ROOT);
        if (wanted.contains("//") || wanted.contains("/../") || wanted.endsWith("/..") || wanted.contains("/./")
                // encoded dots, slashes and backslashes, which browsers may decode before resolving
                || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            return console;
        }
        return staysInConsole(wanted, console) ? wanted : console;
    }

    /** Whether the path part, normalised as a browser would resolve it, is still under the console's root. */
    private static boolean staysInConsole(String wanted, String console) {
        int end = wanted.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = wanted.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        try {
            return URI.create(wanted.substring(0, end)).normalize().getPath().startsWith(console);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

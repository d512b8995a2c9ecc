package de.gemeinwerk.server.demo.lorawan;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ULIDs as The Things Stack puts them into {@code correlation_ids} ({@code as:up:01KKGTAZRT40APAH5J0156WFNX}):
 * 48 bits of milliseconds and 80 random bits in Crockford's base 32, 26 characters.
 */
final class Ulid {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {}

    static String at(Instant time) {
        char[] text = new char[26];
        long millis = time.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            text[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 10; i < 26; i++) {
            text[i] = CROCKFORD[random.nextInt(32)];
        }
        return new String(text);
    }
}

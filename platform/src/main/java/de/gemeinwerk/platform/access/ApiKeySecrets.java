package de.gemeinwerk.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes and hashes key secrets: API keys, and other secrets made the same way (LoRaWAN webhook secrets). A key is
 * 256 random bits, so a single fast SHA-256 is the right hash: nothing can be
 * guessed, and a slow password hash would cost milliseconds on every request.
 */
public final class ApiKeySecrets {

    static final String PREFIX = "gw_";
    private static final MessageDigest SHA_256 = sha256();
    private static final int RANDOM_BYTES = 32;
    // 32 bytes are 43 base64url characters without padding
    private static final int KEY_LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate() {
        byte[] secret = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether {@code key} has the form of a key at all, so junk is rejected before hashing or querying. */
    public static boolean isWellFormed(String key) {
        if (key.length() != KEY_LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    public static byte[] hash(String key) {
        try {
            // a clone of a prepared digest: getInstance searches the security providers on every call, which showed
            // in the webhook's profile (a secret is hashed on every uplink)
            return ((MessageDigest) SHA_256.clone()).digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package de.gemeinwerk.platform.accounts;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes as self-describing strings, {@code pbkdf2-sha256$600000$<salt>$<hash>} (salt and hash base64), so
 * the parameters can grow and the algorithm can change while old hashes still verify (and are rehashed at the next
 * login). PBKDF2-HMAC-SHA256 with 600,000 iterations is OWASP's current recommendation for it and comes with every
 * JDK, so nothing needs to resolve from a repository. Pure.
 */
public final class PasswordHashes {

    static final String ALGORITHM = "pbkdf2-sha256";
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when there is no account, so an unknown login takes as long as a wrong password. */
    private static final String NOBODY = hash("no account has this password");

    private PasswordHashes() {}

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, pbkdf2(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches {@code stored}; false for a malformed or unknown kind of hash. */
    public static boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || expected.length * 8 != HASH_BITS) {
                return false;
            }
            // constant time: how much of a guess matches must not show in the response time
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification without an account, so a missing one cannot be told by timing. */
    public static void verifyNobody(String password) {
        verify(password, NOBODY);
    }

    /** Whether a stored hash was made with weaker parameters than today's: rehash it at the next login. */
    public static boolean isOutdated(String stored) {
        return !stored.startsWith(ALGORITHM + "$" + ITERATIONS + "$");
    }

    private static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}

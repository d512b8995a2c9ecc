package de.gemeinwerk.platform.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts secrets that Gemeinwerk must be able to read back (passwords of brokers it connects to), so a copy of the
 * database alone does not reveal them. AES-256-GCM with a fresh random 96-bit nonce per value: GCM must never see a
 * nonce twice under one key, and a random one needs no counter kept across restarts or instances.
 * <p>
 * A sealed value reads {@code v1:<key id>:<base64 of nonce + ciphertext + tag>}. The version names the format; the key
 * id (the first 4 bytes of the key's SHA-256, not secret) says which key sealed it — so a later key rotation can keep
 * the old key for opening and tell which values still need re-sealing, and a wrong key is reported as such instead of
 * as corruption.
 * <p>
 * The {@code context} of {@link #seal} and {@link #open} is authenticated but not stored (GCM's associated data): a
 * value copied into another row or column (say, another tenant's connection) does not open there.
 */
public final class SecretBox {

    static final int KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String keyId;

    /** @param key 32 bytes of key material */
    public SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A secrets key has " + KEY_BYTES + " bytes, not " + key.length + ".");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = keyId(key);
    }

    /** A new random key, e.g. for a master key file or a test. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The id sealed values carry of the key that sealed them. */
    public String keyId() {
        return keyId;
    }

    /** The sealed form of {@code secret}, opened only by {@link #open} with this key and the same context. */
    public String seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8), context);
        ByteBuffer value = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return VERSION + ":" + keyId + ":" + Base64.getEncoder().encodeToString(value.array());
    }

    /**
     * The secret that {@link #seal} sealed.
     *
     * @throws SecretException when the value is not a sealed value, was sealed with another key, or was altered or
     *                         sealed for another context
     */
    public String open(String sealed, String context) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new SecretException("Not a sealed secret of format " + VERSION + ".");
        }
        if (!parts[1].equals(keyId)) {
            throw new SecretException("The secret was sealed with key " + parts[1] + ", but the configured key is "
                    + keyId + " (gemeinwerk.secrets.key or <data dir>/secrets/master.key was changed or lost).");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretException("The sealed secret is not valid base64.");
        }
        if (value.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretException("The sealed secret is too short.");
        }
        byte[] nonce = Arrays.copyOf(value, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(value, NONCE_BYTES, value.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, ciphertext, context), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SecretException("The sealed secret was altered, or belongs to another place than '" + context + "'.");
        } catch (GeneralSecurityException e) {
            // AES/GCM is part of every Java runtime: this is a broken installation, not a bad value
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

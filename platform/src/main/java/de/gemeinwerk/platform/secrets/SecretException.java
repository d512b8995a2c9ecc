package de.gemeinwerk.platform.secrets;

/** A sealed secret that cannot be opened: wrong key, altered value, or not a sealed value at all. */
public class SecretException extends RuntimeException {

    public SecretException(String message) {
        super(message);
    }
}

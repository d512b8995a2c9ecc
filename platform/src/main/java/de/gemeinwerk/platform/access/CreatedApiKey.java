package de.gemeinwerk.platform.access;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A newly created key together with its secret, which exists only here: the database keeps just its hash. In JSON
 * the key's fields and {@code key} are side by side.
 *
 * @param key the full key, {@code gw_} followed by 43 base64url characters; show it once to whoever created it
 */
public record CreatedApiKey(@JsonUnwrapped ApiKey apiKey, String key) {
}

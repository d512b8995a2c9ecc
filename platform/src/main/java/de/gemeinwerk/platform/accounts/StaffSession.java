package de.gemeinwerk.platform.accounts;

/**
 * A signed-in session as its holder sees it.
 *
 * @param token     the secret for the cookie; only its hash is stored
 * @param csrfToken the token every form of this session carries and every POST must return
 */
public record StaffSession(String token, String csrfToken) {
}

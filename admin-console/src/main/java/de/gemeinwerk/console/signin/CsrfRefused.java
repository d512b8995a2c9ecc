package de.gemeinwerk.console.signin;

/** A POST without the session's CSRF token: answered 403 with a page that explains what to do. */
public final class CsrfRefused extends RuntimeException {

    CsrfRefused() {
        super(null, null, false, false);
    }
}

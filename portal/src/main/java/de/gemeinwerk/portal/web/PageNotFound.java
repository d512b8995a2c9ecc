package de.gemeinwerk.portal.web;

/**
 * A portal page that does not exist: an unknown or private tenant, an unknown Thing. Answered with the portal's own
 * 404 page (HTML, in the reader's language) instead of the API's problem+json, since a citizen's browser shows it.
 */
final class PageNotFound extends RuntimeException {

    PageNotFound() {
        super(null, null, false, false);
    }
}

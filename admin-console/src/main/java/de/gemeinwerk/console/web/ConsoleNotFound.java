package de.gemeinwerk.console.web;

/** A console page that does not exist (unknown tenant, an entity not of this tenant): the console's 404 page. */
public final class ConsoleNotFound extends RuntimeException {

    public ConsoleNotFound() {
        super(null, null, false, false);
    }
}

package de.gemeinwerk.sensorthings.batch;

import java.util.Map;

/** The response to one request of a batch: what the same request sent alone would have been answered. */
public interface SubResponse {

    int status();

    /** Content-Type (when there is a body), Location (after a create). */
    Map<String, String> headers();

    /** Empty when there is none. */
    byte[] body();
}

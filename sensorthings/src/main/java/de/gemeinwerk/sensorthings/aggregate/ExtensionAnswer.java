package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.read.EntityReader;
import tools.jackson.core.JsonGenerator;

/** What an extension read, written as JSON after the transaction (as standard reads are). */
public interface ExtensionAnswer {

    /** The page of Datastreams answered for, so the caller can link the next page; null when nothing is paged. */
    EntityReader.Page datastreams();

    /** {@code {"value": [...], "@iot.nextLink": ...}}, the link left out when null. */
    void write(JsonGenerator g, String nextLink);

    static void writeNextLink(JsonGenerator g, String nextLink) {
        if (nextLink != null) {
            g.writeName("@iot.nextLink");
            g.writeString(nextLink);
        }
    }
}

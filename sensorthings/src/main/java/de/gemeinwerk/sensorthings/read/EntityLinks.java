package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The self and navigation links of the entities of one type in one response ("https://…/v1.1/Observations(7)" and
 * ".../Observations(7)/Datastream"), written as JSON strings. The part up to the id is escaped and encoded once per
 * response; per link only the id's digits are written into a reused buffer, which goes into the output as it is — no
 * String is built, encoded and escaped again for each of the three links of each of a thousand Observations.
 */
final class EntityLinks {

    // "/Datastream": navigation names are ASCII letters, they need no escaping
    private static final Map<Navigation, byte[]> NAVIGATION_SUFFIXES = new IdentityHashMap<>();
    private static final int MAX_ID_LENGTH = 20; // "-9223372036854775808"

    static {
        for (EntityType type : EntityType.values()) {
            type.navigations().forEach(n -> NAVIGATION_SUFFIXES.put(n, ("/" + n.name()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private final String prefix;
    private final int prefixLength;
    private byte[] buffer;
    // the id whose digits the buffer holds, and where they end: the links of one entity format its id once
    private long formattedId;
    private int idEnd = -1;

    /** Links of entities of {@code type} below {@code serviceRoot} ("https://…/musterstadt/v1.1"). */
    EntityLinks(String serviceRoot, EntityType type) {
        this.prefix = serviceRoot + "/" + type.setName() + "(";
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(prefix);
        this.prefixLength = escaped.length;
        this.buffer = Arrays.copyOf(escaped, prefixLength + MAX_ID_LENGTH + 1 + 32);
    }

    /** The self link of entity {@code id}, as a JSON string value. */
    void writeSelf(JsonGenerator g, long id) {
        g.writeRawUTF8String(buffer, 0, withId(id));
    }

    /** The link to the navigation property of entity {@code id}, as a JSON string value. */
    void writeNavigation(JsonGenerator g, long id, Navigation navigation) {
        int end = withId(id);
        byte[] suffix = NAVIGATION_SUFFIXES.get(navigation);
        if (buffer.length < end + suffix.length) {
            buffer = Arrays.copyOf(buffer, end + suffix.length);
        }
        System.arraycopy(suffix, 0, buffer, end, suffix.length);
        g.writeRawUTF8String(buffer, 0, end + suffix.length);
    }

    /** The self link as text (for the rare links built further, such as an expanded collection's nextLink). */
    String self(long id) {
        return prefix + id + ")";
    }

    /** Writes the id's digits and ')' after the prefix; returns where they end. */
    private int withId(long id) {
        if (idEnd >= 0 && id == formattedId) {
            return idEnd;
        }
        int end;
        if (id < 0) {
            // no stored entity has one (ids count from 1); written correctly all the same
            byte[] text = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, buffer, prefixLength, text.length);
            end = prefixLength + text.length;
        } else {
            end = prefixLength + digits(id);
            long rest = id;
            for (int at = end - 1; at >= prefixLength; at--) {
                buffer[at] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
        }
        buffer[end] = ')';
        formattedId = id;
        idEnd = end + 1;
        return idEnd;
    }

    private static int digits(long nonNegative) {
        int digits = 1;
        for (long rest = nonNegative / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }
}

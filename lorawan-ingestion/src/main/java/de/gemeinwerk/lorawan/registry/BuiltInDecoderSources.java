package de.gemeinwerk.lorawan.registry;

import org.springframework.stereotype.Component;

/** The JavaScript source of the decoder shipped for a built-in device type. */
@Component
public class BuiltInDecoderSources {

    /** The source for the built-in type {@code key}, or null when none is shipped. */
    public String source(String key) {
        return null;
    }

    /** The decoder a type uses: its own, else (a built-in type, {@code owned} false) the one shipped for its key. */
    public String decoderOf(String key, String ownDecoder, boolean owned) {
        return ownDecoder != null || owned ? ownDecoder : source(key);
    }
}

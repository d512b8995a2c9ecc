package de.gemeinwerk.lorawan.decoder;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What a decoder's {@code decodeUplink} returned: its {@code data} object (JavaScript numbers that are whole written
 * as integers, so a Datastream result is {@code 30}, not {@code 30.0}) and its {@code warnings}.
 */
public record DecodedPayload(ObjectNode data, List<String> warnings) {

    public DecodedPayload {
        warnings = List.copyOf(warnings);
    }
}

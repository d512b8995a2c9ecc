package de.gemeinwerk.lorawan.registry;

import de.gemeinwerk.platform.error.ApiException;
import tools.jackson.core.JsonPointer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a device type valid, checked before anything is stored; errors name the place in the body. */
public final class DeviceTypeRules {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    private static final int MAX_DATASTREAMS = 50;

    private DeviceTypeRules() {
    }

    /** The input with defaults filled in (empty descriptions), or a 400 naming what is wrong. */
    public static DeviceTypeInput validate(DeviceTypeInput input) {
        if (input.key() == null || !KEY.matcher(input.key()).matches()) {
            throw ApiException.badRequest("A device type key is 1 to 80 lowercase letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit.", "/key");
        }
        String name = TextInput.required(input.name(), "/name");
        if (input.datastreams() == null || input.datastreams().isEmpty()
                || input.datastreams().size() > MAX_DATASTREAMS) {
            throw ApiException.badRequest("A device type maps 1 to " + MAX_DATASTREAMS
                    + " decoded fields to Datastreams.", "/datastreams");
        }
        List<DatastreamEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < input.datastreams().size(); i++) {
            DatastreamEntry entry = entry(input.datastreams().get(i), "/datastreams/" + i);
            if (!names.add(entry.name())) {
                throw ApiException.badRequest("Two Datastreams of a device type cannot have the same name '"
                        + entry.name() + "'.", "/datastreams/" + i + "/name");
            }
            entries.add(entry);
        }
        return new DeviceTypeInput(input.key(), name, TextInput.optional(input.description(), "/description"),
                Boolean.TRUE.equals(input.shared()), input.decoder(), entries);
    }

    private static DatastreamEntry entry(DatastreamEntry entry, String at) {
        if (entry == null) {
            throw ApiException.badRequest("A Datastream mapping is an object.", at);
        }
        if (entry.field() == null || !entry.field().startsWith("/")) {
            throw ApiException.badRequest("'field' is a JSON pointer into the decoded object, e.g. \"/distance\".",
                    at + "/field");
        }
        try {
            JsonPointer.compile(entry.field());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'field' is not a valid JSON pointer: " + e.getMessage(), at + "/field");
        }
        DatastreamEntry.ObservedPropertyDefinition property = entry.observedProperty();
        if (property == null) {
            throw ApiException.badRequest("Each Datastream needs an observedProperty {name, definition, description}.",
                    at + "/observedProperty");
        }
        if (entry.unitOfMeasurement() == null || !entry.unitOfMeasurement().isObject()) {
            throw ApiException.badRequest("Each Datastream needs a unitOfMeasurement {name, symbol, definition}.",
                    at + "/unitOfMeasurement");
        }
        if (entry.scale() != null && (entry.scale().isNaN() || entry.scale().isInfinite() || entry.scale() == 0)) {
            throw ApiException.badRequest("'scale' is a finite number other than 0.", at + "/scale");
        }
        String propertyAt = at + "/observedProperty";
        DatastreamEntry.ObservedPropertyDefinition validProperty = new DatastreamEntry.ObservedPropertyDefinition(
                TextInput.required(property.name(), propertyAt + "/name"),
                TextInput.required(property.definition(), propertyAt + "/definition"),
                TextInput.optional(property.description(), propertyAt + "/description"));
        return new DatastreamEntry(entry.field(), TextInput.required(entry.name(), at + "/name"),
                TextInput.optional(entry.description(), at + "/description"), validProperty,
                entry.unitOfMeasurement(), TextInput.required(entry.observationType(), at + "/observationType"),
                entry.scale());
    }
}

package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.model.PropertyKind;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Validates a body strictly against the model and turns it into an {@link EntityBody}. Every error is a
 * 400 naming the offending place in the body. One pass over the members, no copies of the JSON: an
 * Observation body on the ingest path costs a few map look-ups.
 */
final class BodyParser {

    enum Mode {
        /** POST: required properties must be given, related entities may be new (deep insert). */
        CREATE,
        /** PATCH: only what is given changes; related entities are only linked. */
        MERGE,
        /** PUT: like PATCH, but every property is set, absent optional ones to null. */
        REPLACE
    }

    static final String ID = "@iot.id";

    private final Mode mode;
    private final OffsetDateTime now;

    BodyParser(Mode mode, OffsetDateTime now) {
        this.mode = mode;
        this.now = now;
    }

    /**
     * @param currentId for MERGE and REPLACE the id of the entity being changed; a body may repeat it but not
     *                  change it
     */
    EntityBody parse(EntityType type, JsonNode body, Pointer at, Long currentId) {
        requireObject(type, body, at);
        Map<Property, Object> values = new LinkedHashMap<>();
        Map<Navigation, Ref> toOne = new LinkedHashMap<>();
        Map<Navigation, List<Ref>> toMany = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            Pointer memberAt = at.child(name);
            if (isAnnotation(name)) {
                continue;
            }
            if (name.equals(ID)) {
                checkId(type, value, memberAt, currentId);
                continue;
            }
            var property = type.property(name);
            if (property.isPresent()) {
                values.put(property.get(), value(type, property.get(), value, memberAt));
                continue;
            }
            Navigation navigation = type.navigation(name).orElseThrow(() -> ApiException.badRequest(
                    type.entityName() + " has no property '" + name + "'; it has " + writableNames(type), memberAt.where()));
            if (navigation.many()) {
                toMany.put(navigation, many(type, navigation, value, memberAt));
            } else {
                toOne.put(navigation, one(navigation, value, memberAt));
            }
        }
        if (mode != Mode.MERGE) {
            complete(type, values, at);
        }
        return new EntityBody(type, at, values, toOne, toMany);
    }

    /** The id of {@code {"@iot.id": n}} with nothing but annotations besides, or empty for anything else. */
    static OptionalLong pureLink(JsonNode node, Pointer at) {
        if (!node.isObject() || !node.has(ID)) {
            return OptionalLong.empty();
        }
        for (String name : node.propertyNames()) {
            if (!name.equals(ID) && !isAnnotation(name)) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(id(node.get(ID), at.child(ID)));
    }

    static long id(JsonNode value, Pointer at) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.badRequest("@iot.id must be an integer, found " + value, at.where());
        }
        return value.longValue();
    }

    /** Server-generated annotations a client may echo back from a read; they carry nothing to write. */
    static boolean isAnnotation(String name) {
        return name.equals("@iot.selfLink") || name.endsWith("@iot.navigationLink");
    }

    private Object value(EntityType type, Property property, JsonNode value, Pointer at) {
        if (property.readOnly()) {
            throw ApiException.badRequest("'" + property.name() + "' of " + Names.a(type)
                    + " is computed from its Observations; leave it out", at.where());
        }
        return PropertyValues.convert(type, property, value, at);
    }

    private void checkId(EntityType type, JsonNode value, Pointer at, Long currentId) {
        if (mode == Mode.CREATE) {
            throw ApiException.badRequest("the server assigns the @iot.id of a new " + type.entityName()
                    + "; to link an existing one give nothing but {\"@iot.id\": n}", at.where());
        }
        if (currentId == null || id(value, at) != currentId) {
            throw ApiException.badRequest("the @iot.id of an entity cannot be changed", at.where());
        }
    }

    private Ref one(Navigation navigation, JsonNode value, Pointer at) {
        if (!value.isObject()) {
            throw ApiException.badRequest("'" + navigation.name() + "' must be an object such as {\"@iot.id\": 1}, found "
                    + PropertyValues.describe(value), at.where());
        }
        if (mode != Mode.CREATE && pureLink(value, at).isEmpty()) {
            throw ApiException.badRequest("an update can only link " + Names.a(navigation.target()) + " that exists:"
                    + " {\"" + navigation.name() + "\": {\"@iot.id\": 1}}", at.where());
        }
        return ref(navigation.target(), value, at);
    }

    private List<Ref> many(EntityType type, Navigation navigation, JsonNode value, Pointer at) {
        if (type == EntityType.OBSERVED_PROPERTY && MultiDatastreamRules.isPropertyLink(navigation)) {
            throw MultiDatastreamRules.notFromObservedProperty(at.where());
        }
        if (mode != Mode.CREATE && MultiDatastreamRules.isPropertyLink(navigation)) {
            throw MultiDatastreamRules.fixedProperties(at.where());
        }
        if (mode != Mode.CREATE && !(type == EntityType.THING && navigation.name().equals("Locations"))) {
            throw ApiException.badRequest("an update cannot change the " + navigation.name() + " of " + Names.a(type)
                    + "; use $ref to link or unlink them", at.where());
        }
        if (!value.isArray()) {
            throw ApiException.badRequest("'" + navigation.name() + "' must be an array, found "
                    + PropertyValues.describe(value), at.where());
        }
        List<Ref> refs = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            Pointer elementAt = at.child(i);
            JsonNode element = value.get(i);
            if (!element.isObject()) {
                throw ApiException.badRequest("each of the " + navigation.name() + " must be an object, found "
                        + PropertyValues.describe(element), elementAt.where());
            }
            refs.add(ref(navigation.target(), element, elementAt));
        }
        return refs;
    }

    /** A related entity: a link to an existing one, or a new one to create with the same rules. */
    private Ref ref(EntityType type, JsonNode value, Pointer at) {
        OptionalLong link = pureLink(value, at);
        if (link.isPresent()) {
            return new Ref.Existing(type, link.getAsLong(), at);
        }
        return new Ref.New(new BodyParser(Mode.CREATE, now).parse(type, value, at, null));
    }

    /** For CREATE and REPLACE: required properties present, defaults filled in, absent optional ones null. */
    private void complete(EntityType type, Map<Property, Object> values, Pointer at) {
        List<String> missing = new ArrayList<>();
        for (Property property : type.properties()) {
            if (property.readOnly() || values.containsKey(property)) {
                continue;
            }
            if (PropertyValues.defaultsToNow(type, property)) {
                values.put(property, property.kind() == PropertyKind.TIME_INSTANT ? now : new PropertyColumns.Time(now, null));
            } else if (MultiDatastreamRules.isObservationType(type, property)) {
                // it can only have one value (as in FROST-Server, which fills it in too)
                values.put(property, PropertyValues.COMPLEX_OBSERVATION);
            } else if (property.required()) {
                missing.add(property.name());
            } else if (mode == Mode.REPLACE) {
                values.put(property, null);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(Names.a(type) + " needs " + String.join(", ", missing), at.where());
        }
    }

    private static void requireObject(EntityType type, JsonNode body, Pointer at) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(Names.a(type) + " must be given as a JSON object, found "
                    + (body == null ? "nothing" : PropertyValues.describe(body)), at.where());
        }
    }

    private static String writableNames(EntityType type) {
        List<String> names = new ArrayList<>();
        type.properties().stream().filter(p -> !p.readOnly()).forEach(p -> names.add(p.name()));
        type.navigations().forEach(n -> names.add(n.name()));
        return String.join(", ", names);
    }
}

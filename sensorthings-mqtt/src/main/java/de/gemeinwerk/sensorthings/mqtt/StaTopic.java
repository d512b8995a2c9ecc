package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.query.path.ResourcePathParser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An MQTT topic naming a SensorThings resource of a tenant, exactly as the HTTP path does without the host:
 * {@code musterstadt/v1.1/Datastreams(1)/Observations?$select=result,phenomenonTime} ⇔
 * {@code GET /musterstadt/v1.1/Datastreams(1)/Observations?$select=result,phenomenonTime}. Parsed by the pure
 * parsers of {@code sensorthings-query}; the only query option a topic may carry is {@code $select}.
 */
record StaTopic(String tenant, ResourcePath path, QueryOptions options) {

    static final String VERSION = "v1.1";

    /** A topic that names no SensorThings resource; the message says why, for the log and the client. */
    static final class InvalidTopic extends RuntimeException {
        InvalidTopic(String message) {
            super(message);
        }
    }

    static StaTopic parse(String topic) {
        if (topic.contains("+") || topic.contains("#")) {
            throw new InvalidTopic("wildcards (+, #) are not supported; subscribe to a SensorThings path such as "
                    + "{tenant}/v1.1/Datastreams(1)/Observations");
        }
        int query = topic.indexOf('?');
        String path = query < 0 ? topic : topic.substring(0, query);
        String[] levels = path.split("/", 3);
        if (levels.length < 3 || levels[0].isEmpty() || !levels[1].equals(VERSION) || levels[2].isEmpty()) {
            throw new InvalidTopic("a topic is {tenant}/" + VERSION + "/{resource path}, e.g. musterstadt/" + VERSION
                    + "/Things; got '" + topic + "'");
        }
        try {
            ResourcePath resource = ResourcePathParser.parse(levels[2]);
            if (resource.suffix() != ResourcePath.Suffix.NONE) {
                throw new InvalidTopic("$ref and $value are not topics; name an entity, a collection or a property");
            }
            return new StaTopic(levels[0], resource, query < 0 ? QueryOptions.NONE : options(topic.substring(query + 1)));
        } catch (QuerySyntaxException e) {
            String where = e.position() >= 0 ? e.part() + " at position " + e.position() : e.part();
            throw new InvalidTopic(e.getMessage() + " (" + where + ")");
        }
    }

    /** {@code $select=a,b}: the one option that shapes what is sent; filters and expansions are not evaluated here. */
    private static QueryOptions options(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            if (!nameAndValue[0].equals("$select")) {
                throw new InvalidTopic("a topic may only carry $select; got '" + nameAndValue[0] + "'");
            }
            if (parameters.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "") != null) {
                throw new InvalidTopic("$select is given more than once");
            }
        }
        return QueryOptionsParser.parse(parameters);
    }
}

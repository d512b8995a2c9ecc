package de.gemeinwerk.console.entities;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.portal.data.StaReads;
import de.gemeinwerk.portal.data.StaReads.Get;
import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.sql.Target;
import de.gemeinwerk.sensorthings.visibility.Visibility;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and changes Things and Datastreams for the console the way the API does: reads through the SensorThings
 * reader ({@link StaReads#readAsStaff}: what a GET with the tenant's key answers, private entities included),
 * changes through {@link EntityWriter#update} (a PATCH: same checks, same change notifications), public/private
 * through {@link Visibility}. An id of another tenant is a 404 like a missing one.
 */
@Component
class EntityEditor {

    static final int PAGE_SIZE = 25;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;
    // a Thing's Datastreams listed on its page; more are found in the Datastreams list
    private static final int MAX_LISTED = 100;

    /** A page of a list, and how many match in all. */
    record Page(List<Row> entities, long total) {}

    /**
     * An entity as a list row or the edit page's facts show it: {@code thing} and {@code unit} for a Datastream,
     * {@code datastreams} for a Thing on its edit page.
     */
    record Row(long id, String name, String description, List<String> categories, long thingId, String thing,
               String unit, List<Row> datastreams) {
        static Row of(JsonNode entity) {
            List<String> categories = new ArrayList<>();
            entity.path("properties").path("categories").forEach(c -> categories.add(c.asString("")));
            JsonNode unit = entity.path("unitOfMeasurement");
            List<Row> datastreams = new ArrayList<>();
            entity.path("Datastreams").forEach(d -> datastreams.add(Row.of(d)));
            return new Row(entity.path("@iot.id").asLong(), entity.path("name").asString(""),
                    entity.path("description").asString(""), categories, entity.path("Thing").path("@iot.id").asLong(0),
                    entity.path("Thing").path("name").asString(""), unit.isMissingNode() ? ""
                    : unit.path("name").asString("") + " (" + unit.path("symbol").asString("") + ")", datastreams);
        }
    }

    private final StaReads reads;
    private final EntityWriter writer;
    private final Transactions transactions;
    private final Visibility visibility;
    private final JsonMapper json;

    EntityEditor(StaReads reads, EntityWriter writer, DataSource dataSource, Visibility visibility, JsonMapper json) {
        this.reads = reads;
        this.writer = writer;
        this.transactions = new Transactions(dataSource);
        this.visibility = visibility;
        this.json = json;
    }

    /** One page (1-based) of the tenant's entities by name, those whose name or description contains {@code search}. */
    Page list(long tenantId, EntityKind kind, String search, int page) {
        Map<String, String> options = new HashMap<>(Map.of("$top", String.valueOf(PAGE_SIZE),
                "$skip", String.valueOf((long) (page - 1) * PAGE_SIZE), "$count", "true", "$orderby", "name,id",
                "$select", select(kind)));
        if (kind == EntityKind.DATASTREAMS) {
            options.put("$expand", "Thing($select=id,name)");
        }
        if (search != null && !search.isBlank()) {
            String literal = "'" + search.strip().toLowerCase(Locale.ROOT).replace("'", "''") + "'";
            options.put("$filter", "contains(tolower(name), " + literal + ") or contains(tolower(description), "
                    + literal + ")");
        }
        JsonNode answer = reads.readAsStaff(tenantId, "", List.of(new Get(kind.entitySet(), options))).getFirst();
        List<Row> entities = new ArrayList<>();
        answer.path("value").forEach(entity -> entities.add(Row.of(entity)));
        return new Page(entities, answer.path("@iot.count").asLong());
    }

    /** The entity; 404 if the tenant has none with this id. */
    Row find(long tenantId, EntityKind kind, long id) {
        return Row.of(read(tenantId, kind, id));
    }

    private JsonNode read(long tenantId, EntityKind kind, long id) {
        Map<String, String> options = Map.of("$select", select(kind), "$expand", kind == EntityKind.DATASTREAMS
                ? "Thing($select=id,name)" : "Datastreams($select=id,name;$orderby=name,id;$top=" + MAX_LISTED + ")");
        return reads.readAsStaff(tenantId, "", List.of(new Get(kind.entitySet() + "(" + id + ")", options))).getFirst();
    }

    /** The stored form of an entity, for the edit page. */
    EntityForm form(long tenantId, EntityKind kind, Row entity) {
        return new EntityForm(entity.name(), entity.description(), Categories.format(entity.categories()),
                visibility.isPublic(tenantId, kind.type, entity.id()));
    }

    /**
     * Saves the form as a PATCH of name, description and {@code properties} (the stored properties with
     * {@code categories} replaced, so other properties stay), then public/private when the form says. 400 with {@code where} naming the
     * form field for invalid input.
     */
    void save(long tenantId, EntityKind kind, long id, EntityForm form) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name must be 1 to " + MAX_NAME + " characters", "name");
        }
        String description = form.description() == null ? "" : form.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw ApiException.badRequest("description may have " + MAX_DESCRIPTION + " characters", "description");
        }
        List<String> categories = Categories.parse(form.categories());
        // one transaction, the row locked from reading its properties on: a change made meanwhile is neither lost
        // nor half saved
        transactions.write(connection -> {
            ObjectNode properties = lockedProperties(connection, tenantId, kind, id);
            if (categories.isEmpty()) {
                properties.remove("categories");
            } else {
                categories.forEach(properties.putArray("categories")::add);
            }
            ObjectNode patch = json.createObjectNode().put("name", name).put("description", description);
            patch.set("properties", properties);
            writer.update(connection, tenantId, Target.entity(kind.type, id), patch);
            if (form.isPublic() != null) {
                visibility.setPublic(connection, tenantId, kind.type, id, form.isPublic());
            }
            return null;
        });
    }

    /** The entity's stored properties (an empty object if none), its row locked; 404 if the tenant has no such one. */
    private ObjectNode lockedProperties(Connection connection, long tenantId, EntityKind kind, long id)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select properties from " + kind.type.table()
                + " where id = ? and tenant_id = ? for update")) {
            statement.setLong(1, id);
            statement.setLong(2, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound(kind.type.entityName() + " " + id + " does not exist");
                }
                String stored = row.getString(1);
                JsonNode properties = stored == null ? null : json.readTree(stored);
                return properties != null && properties.isObject() ? (ObjectNode) properties : json.createObjectNode();
            }
        }
    }

    private static String select(EntityKind kind) {
        return kind == EntityKind.DATASTREAMS ? "id,name,description,properties,unitOfMeasurement"
                : "id,name,description,properties";
    }
}

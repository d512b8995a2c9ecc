package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An entity's writable properties as the JSON a client sees, for JSON Patch to work on. Columns and their
 * JSON form come from the read side, so the patch applies to exactly what a GET shows.
 */
final class CurrentValues {

    private CurrentValues() {}

    /** Locks the row FOR UPDATE: the patch is computed from these values, nobody may change them meanwhile. */
    static JsonNode read(WriteScope scope, EntityType type, long id) throws SQLException {
        List<Property> properties = type.properties().stream().filter(p -> !p.readOnly()).toList();
        List<String> columns = new ArrayList<>();
        properties.forEach(p -> columns.addAll(PropertyColumns.select(p, "e")));
        Sql select = Sql.concat("select " + String.join(", ", columns) + " from " + type.table() + " e where e.id = ",
                Sql.param(id), " and ", Rows.inTenant(type, "e", scope.tenantId()), " for update of e");
        StringWriter json = new StringWriter();
        try (PreparedStatement statement = Statements.prepare(scope.connection(), select);
             ResultSet rs = statement.executeQuery();
             JsonGenerator generator = JsonMapper.shared().createGenerator(json)) {
            if (!rs.next()) {
                throw Names.missing(type, id, null);
            }
            generator.writeStartObject();
            int column = 1;
            for (Property property : properties) {
                generator.writeName(property.name());
                EntityJson.writeValue(generator, property, PropertyColumns.read(property, rs, column));
                column += PropertyColumns.width(property);
            }
            generator.writeEndObject();
        }
        return JsonMapper.shared().readTree(json.toString());
    }
}

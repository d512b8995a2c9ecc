package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.sql.Projection;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static de.gemeinwerk.sensorthings.read.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

class FeatureCollectionWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "https://example.org/stadt/v1.1";

    private static JsonNode write(EntityReader.Page page, Projection projection, List<ExpandNode> expand,
                                  Map<Long, String> geometries, String nextLink) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            FeatureCollectionWriter.write(g, page, projection, expand, geometries, ROOT, nextLink);
        }
        return JSON.readTree(text.toString());
    }

    @Test
    void writesOneFeaturePerEntityWithFlattenedPropertiesAndForeignMembers() {
        QueryOptions options = QueryOptionsParser.parse(Map.of("$expand", "Datastreams($select=name)"));
        List<ExpandNode> expand = ExpandNode.of(EntityType.THING, options.expand());
        Projection projection = Projection.of(EntityType.THING, List.of());
        EntityRow thing = row(3, "Pegel", "am Bach", "{\"owner\": {\"name\": \"Bauhof\"}, \"tags\": [\"a\", null], \"n\": 2}");
        thing.expanded().put(expand.getFirst().navigation(),
                new EntityRow.Expanded(List.of(row(4, "Wasserstand"), row(5, "Temperatur")), null, false, 100, 0));
        EntityRow without = row(6, "Leer", "ohne Ort", null);
        without.expanded().put(expand.getFirst().navigation(), new EntityRow.Expanded(List.of(), null, false, 100, 0));
        EntityReader.Page page = new EntityReader.Page(List.of(thing, without), 12L, true, 2, 0);

        JsonNode collection = write(page, projection, expand,
                Map.of(3L, "{\"type\": \"Point\", \"coordinates\": [9.5, 51.3], \"crs\": {\"type\": \"name\"}}"),
                ROOT + "/Things?$top=2&$skip=2");

        assertThat(collection).isEqualTo(JSON.readTree("""
                {"type": "FeatureCollection", "@iot.count": 12,
                 "features": [
                   {"type": "Feature", "id": 3, "geometry": {"type": "Point", "coordinates": [9.5, 51.3]},
                    "properties": {"@iot.selfLink": "%1$s/Things(3)", "id": 3, "name": "Pegel", "description": "am Bach",
                                   "properties/owner/name": "Bauhof", "properties/tags/0": "a", "properties/n": 2,
                                   "Datastreams/0/name": "Wasserstand", "Datastreams/1/name": "Temperatur"}},
                   {"type": "Feature", "id": 6, "geometry": null,
                    "properties": {"@iot.selfLink": "%1$s/Things(6)", "id": 6, "name": "Leer", "description": "ohne Ort"}}],
                 "@iot.nextLink": "%1$s/Things?$top=2&$skip=2"}""".formatted(ROOT)));
    }

    @Test
    void takesAStoredFeaturesGeometryAndOrientsRingsByTheRightHandRule() {
        Projection projection = Projection.of(EntityType.LOCATION,
                QueryOptionsParser.parse(Map.of("$select", "name,location")).select());
        EntityRow location = row(1, "Platz", """
                {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
                 "coordinates": [[[9.5, 51.3], [9.5, 51.4], [9.6, 51.4], [9.5, 51.3]]]}}""");

        JsonNode feature = write(new EntityReader.Page(List.of(location), null, false, 100, 0), projection, List.of(),
                Map.of(1L, (String) location.value(1)), null).get("features").get(0);

        assertThat(feature.get("geometry")).isEqualTo(JSON.readTree("""
                {"type": "Polygon", "coordinates": [[[9.5, 51.3], [9.6, 51.4], [9.5, 51.4], [9.5, 51.3]]]}"""));
        assertThat(feature.get("properties")).isEqualTo(JSON.readTree("{\"name\": \"Platz\"}"));
    }
}

package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static de.gemeinwerk.sensorthings.read.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    private static String csv(List<EntityRow> rows, Projection projection, List<ExpandNode> expand) {
        StringBuilder out = new StringBuilder();
        CsvWriter.write(out, rows, projection, expand);
        return out.toString();
    }

    private static QueryOptions options(String name, String value) {
        return QueryOptionsParser.parse(Map.of(name, value));
    }

    private static void expanded(EntityRow parent, ExpandNode node, EntityRow... children) {
        parent.expanded().put(node.navigation(), new EntityRow.Expanded(List.of(children), null, false, 1, 0));
    }

    @Test
    void quotesAsRfc4180AndTellsAnEmptyTextFromNull() {
        Projection projection = Projection.of(EntityType.THING, options("$select", "id,name,description,properties").select());
        List<EntityRow> rows = List.of(
                row(1, "Pegel, Mühlbach", "sagt \"hoch\"", "{\"a\": [1, 2]}"),
                row(2, "zwei\r\nZeilen", "", null));

        assertThat(csv(rows, projection, List.of())).isEqualTo("id,name,description,properties\r\n"
                + "1,\"Pegel, Mühlbach\",\"sagt \"\"hoch\"\"\",\"{\"\"a\"\": [1, 2]}\"\r\n"
                + "2,\"zwei\r\nZeilen\",\"\",\r\n");
    }

    @Test
    void splitsTheUnitOfMeasurementAndWritesTimesAsInJson() {
        Projection projection = Projection.of(EntityType.DATASTREAM,
                options("$select", "unitOfMeasurement,phenomenonTime,observedArea").select());
        EntityRow row = row(7, "{\"name\": \"Zentimeter\", \"symbol\": \"cm\", \"definition\": \"ucum:cm\"}",
                "{\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}",
                new PropertyColumns.IsoTime("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"));

        assertThat(csv(List.of(row), projection, List.of())).isEqualTo(
                "unitOfMeasurement/name,unitOfMeasurement/symbol,unitOfMeasurement/definition,observedArea,phenomenonTime\r\n"
                        + "Zentimeter,cm,ucum:cm,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [9.5, 51.3]}\","
                        + "2026-11-01T00:00:00Z/2026-11-02T00:00:00Z\r\n");
    }

    @Test
    void writesEachKindOfResultAsItsJsonTextWithoutStringQuotes() {
        Projection projection = Projection.of(EntityType.OBSERVATION, options("$select", "phenomenonTime,result").select());
        List<EntityRow> rows = List.of(
                row(1, new PropertyColumns.IsoTime("2026-11-22T10:00:00Z", null), new PropertyColumns.Result(1, 87.5, null, false, null)),
                row(2, new PropertyColumns.IsoTime("2026-11-22T10:00:00Z", "2026-11-22T11:00:00Z"), new PropertyColumns.Result(2, 42, null, false, null)),
                row(3, null, new PropertyColumns.Result(3, 0, "frei", false, null)),
                row(4, null, new PropertyColumns.Result(4, 0, null, true, null)),
                row(5, null, new PropertyColumns.Result(5, 0, null, false, "{\"x\": 1}")),
                row(6, null, new PropertyColumns.Result(0, 0, null, false, null)));

        assertThat(csv(rows, projection, List.of())).isEqualTo("phenomenonTime,result\r\n"
                + "2026-11-22T10:00:00Z,87.5\r\n"
                + "2026-11-22T10:00:00Z/2026-11-22T11:00:00Z,42\r\n"
                + ",frei\r\n"
                + ",true\r\n"
                + ",\"{\"\"x\"\": 1}\"\r\n"
                + ",\r\n");
    }

    @Test
    void flattensExpandsIntoPrefixedColumnsWithTheFirstEntityOfACollection() {
        QueryOptions options = options("$expand", "Datastream($select=name;$expand=Thing($select=id,name)),FeatureOfInterest($select=name)");
        Projection projection = Projection.of(EntityType.OBSERVATION, options("$select", "id,result").select());
        List<ExpandNode> expand = ExpandNode.of(EntityType.OBSERVATION, options.expand());
        EntityRow observation = row(1, new PropertyColumns.Result(2, 3, null, false, null));
        EntityRow datastream = row(4, "Pegel");
        expanded(observation, expand.get(0), datastream);
        expanded(datastream, expand.get(0).children().getFirst(), row(9, "Brücke"));
        expanded(observation, expand.get(1));

        assertThat(csv(List.of(observation), projection, expand)).isEqualTo(
                "id,result,Datastream/name,Datastream/Thing/id,Datastream/Thing/name,FeatureOfInterest/name\r\n"
                        + "1,3,Pegel,9,Brücke,\r\n");

        QueryOptions many = options("$expand", "Datastreams($select=name)");
        List<ExpandNode> datastreams = ExpandNode.of(EntityType.THING, many.expand());
        EntityRow thing = row(9);
        expanded(thing, datastreams.getFirst(), row(4, "erster"), row(5, "zweiter"));
        assertThat(csv(List.of(thing), new Projection(EntityType.THING, true, false, List.of(), List.of()), datastreams))
                .isEqualTo("id,Datastreams/name\r\n9,erster\r\n");
    }
}

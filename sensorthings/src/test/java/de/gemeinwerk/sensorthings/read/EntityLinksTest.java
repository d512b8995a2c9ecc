package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class EntityLinksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the generator writes: the links are string values inside an array, so separators show too. */
    private static String json(Consumer<JsonGenerator> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            values.accept(g);
            g.writeEndArray();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Navigation navigation(EntityType type, String name) {
        return type.navigation(name).orElseThrow();
    }

    @Test
    void writesSelfAndNavigationLinksOfEachEntity() {
        EntityLinks links = new EntityLinks("https://example.org/musterstadt/v1.1", EntityType.OBSERVATION);
        Navigation datastream = navigation(EntityType.OBSERVATION, "Datastream");
        Navigation feature = navigation(EntityType.OBSERVATION, "FeatureOfInterest");
        String written = json(g -> {
            links.writeSelf(g, 201734);
            links.writeNavigation(g, 201734, datastream);
            links.writeNavigation(g, 201734, feature);
            links.writeSelf(g, 7);
            links.writeNavigation(g, 7, feature);
            links.writeNavigation(g, 7, datastream);
            links.writeSelf(g, Long.MAX_VALUE);
            links.writeSelf(g, 0);
            links.writeSelf(g, -12);
        });
        String root = "https://example.org/musterstadt/v1.1/Observations(";
        assertThat(written).isEqualTo("[\"" + root + "201734)\",\"" + root + "201734)/Datastream\",\""
                + root + "201734)/FeatureOfInterest\",\"" + root + "7)\",\"" + root + "7)/FeatureOfInterest\",\""
                + root + "7)/Datastream\",\"" + root + Long.MAX_VALUE + ")\",\"" + root + "0)\",\"" + root + "-12)\"]");
        assertThat(links.self(42)).isEqualTo(root + "42)");
    }

    @Test
    void escapesTheServiceRootAsTheGeneratorEscapesAString() {
        String root = "http://h\u00e9st\"x\\y\u0001z/\u2028q</\ud83d\ude00/v1.1";
        EntityLinks links = new EntityLinks(root, EntityType.THING);
        Navigation locations = navigation(EntityType.THING, "Locations");
        assertThat(json(g -> {
            links.writeSelf(g, 3);
            links.writeNavigation(g, 3, locations);
        })).isEqualTo(json(g -> {
            g.writeString(root + "/Things(3)");
            g.writeString(root + "/Things(3)/Locations");
        }));
    }
}

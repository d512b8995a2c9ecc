package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReferencesTest {

    private static final Map<String, References.Entity> ENTITIES = Map.of("1", new References.Entity("Sensors", 5),
            "thing", new References.Entity("Things", 7));
    private static final References.Lookup LOOKUP = (id, where) -> {
        References.Entity entity = ENTITIES.get(id);
        if (entity == null) {
            throw ApiException.badRequest("unknown " + id, where);
        }
        return entity;
    };

    @Test
    void aLeadingReferenceBecomesTheEntitysPath() {
        assertThat(References.url("$1/Datastreams", LOOKUP, "url")).isEqualTo("Sensors(5)/Datastreams");
        assertThat(References.url("$thing", LOOKUP, "url")).isEqualTo("Things(7)");
        assertThat(References.url("$thing?$expand=Locations", LOOKUP, "url")).isEqualTo("Things(7)?$expand=Locations");
        assertThat(References.url("Things(1)", LOOKUP, "url")).isEqualTo("Things(1)");
        assertThat(References.url("Things?$filter=name eq '$1'", LOOKUP, "url")).isEqualTo("Things?$filter=name eq '$1'");
        assertThat(catchThrowableOfType(ApiException.class, () -> References.url("$2/Things", LOOKUP, "u")).where())
                .isEqualTo("u");
    }

    @Test
    void idsInTheBodyAreReplacedWherePresent() {
        JsonNode body = JsonMapper.shared().readTree("""
                {"name": "$1", "Sensor": {"@iot.id": "$1"}, "Thing": {"@iot.id": 3},
                 "Things": [{"@iot.id": "$thing"}, {"Locations": [{"@iot.id": "$thing"}]}]}""");

        References.body(body, LOOKUP, "body: ");

        assertThat(body.toString()).isEqualTo("{\"name\":\"$1\",\"Sensor\":{\"@iot.id\":5},\"Thing\":{\"@iot.id\":3},"
                + "\"Things\":[{\"@iot.id\":7},{\"Locations\":[{\"@iot.id\":7}]}]}");
    }

    @Test
    void anUnknownReferenceInTheBodyIsNamedByItsPointer() {
        JsonNode body = JsonMapper.shared().readTree("{\"a/b\": [{\"@iot.id\": \"$9\"}]}");

        ApiException error = catchThrowableOfType(ApiException.class, () -> References.body(body, LOOKUP, "body: "));

        assertThat(error.where()).isEqualTo("body: /a~1b/0/@iot.id");
    }
}

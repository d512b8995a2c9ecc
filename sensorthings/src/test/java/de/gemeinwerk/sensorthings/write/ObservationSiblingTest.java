package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservationSiblingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00Z");

    private static ObservationInserts.Row parse(long datastream, String body) {
        return ObservationInserts.parse(7, EntityType.DATASTREAM, datastream, JSON.readTree(body), NOW);
    }

    @Test
    void aSiblingIsWhatParsingTheSameBodyWithItsOwnResultGives() {
        String shared = "\"phenomenonTime\": \"2026-03-12T08:25:41.839Z\", \"resultTime\": \"2026-03-12T08:25:41.839Z\","
                + " \"parameters\": {\"devEui\": \"a840415f31000003\", \"fCnt\": 12}";
        ObservationInserts.Row template = parse(1, "{\"result\": 523, " + shared + "}");
        for (String result : new String[] {"43.5", "\"CO2\"", "true", "{\"a\": [1, 2]}", "null"}) {
            JsonNode value = JSON.readTree(result);
            ObservationInserts.Row sibling = ObservationInserts.sibling(template, 2, value);
            ObservationInserts.Row parsed = parse(2, "{\"result\": " + result + ", " + shared + "}");
            assertThat(sibling.columns()).as(result).isEqualTo(parsed.columns());
            assertThat(sibling.datastream().id()).isEqualTo(2);
            assertThat(sibling.tenantId()).isEqualTo(7);
        }
    }

    @Test
    void multiDatastreamRowsHaveNoSiblings() {
        ObservationInserts.Row multi = ObservationInserts.parse(7, EntityType.MULTI_DATASTREAM, 1,
                JSON.readTree("{\"result\": [1, 2]}"), NOW);
        assertThatThrownBy(() -> ObservationInserts.sibling(multi, 2, JSON.readTree("3")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

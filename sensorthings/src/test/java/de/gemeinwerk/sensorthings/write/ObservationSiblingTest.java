package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
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
    void aSiblingIsWhatParsingItsBodyGives() {
        ObservationInserts.Siblings siblings = new ObservationInserts.Siblings(7,
                Instant.parse("2026-03-12T08:25:41.839Z"),
                (ObjectNode) JSON.readTree("{\"devEui\": \"a840415f31000003\", \"fCnt\": 12}"));
        // the same instant written with another offset: the body parser normalises it to UTC
        String shared = "\"phenomenonTime\": \"2026-03-12T09:25:41.839+01:00\", \"resultTime\": \"2026-03-12T08:25:41.839Z\","
                + " \"parameters\": {\"devEui\": \"a840415f31000003\", \"fCnt\": 12}";
        for (String result : new String[] {"523", "43.5", "\"CO2\"", "true", "{\"a\": [1, 2]}", "null"}) {
            JsonNode value = JSON.readTree(result);
            ObservationInserts.Row sibling = siblings.row(2, value);
            ObservationInserts.Row parsed = parse(2, "{\"result\": " + result + ", " + shared + "}");
            assertThat(sibling.columns()).as(result).isEqualTo(parsed.columns());
            assertThat(sibling.datastream()).isEqualTo(parsed.datastream());
            assertThat(sibling.feature()).isNull();
            assertThat(sibling.tenantId()).isEqualTo(7);
        }
    }

    @Test
    void withoutParametersTheyAreNullAsWhenABodyHasNone() {
        ObservationInserts.Siblings siblings = new ObservationInserts.Siblings(7,
                Instant.parse("2026-03-12T08:25:41Z"), null);
        assertThat(siblings.row(3, JSON.readTree("1")).columns()).isEqualTo(
                parse(3, "{\"result\": 1, \"phenomenonTime\": \"2026-03-12T08:25:41Z\","
                        + " \"resultTime\": \"2026-03-12T08:25:41Z\"}").columns());
    }

    @Test
    void aResultNoBodyCouldCarryIsRefusedAsForAPost() {
        ObservationInserts.Siblings siblings = new ObservationInserts.Siblings(7, Instant.EPOCH, null);
        assertThatThrownBy(() -> siblings.row(2, DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
                .isInstanceOf(ApiException.class).hasMessageContaining("out of the range");
    }
}

package de.gemeinwerk.lorawan.uplink;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class WholeNumbersTest {

    private static String integral(String json) {
        return WholeNumbers.integral((ObjectNode) Samples.JSON.readTree(json)).toString();
    }

    @Test
    void wholeDoublesBecomeIntegralEverywhereInTheTree() {
        assertThat(integral("{\"a\":100.0,\"b\":[43.0,{\"c\":-0.0}],\"d\":{\"e\":5000000000.0}}"))
                .isEqualTo("{\"a\":100,\"b\":[43,{\"c\":0}],\"d\":{\"e\":5000000000}}");
    }

    @Test
    void fractionsHugeNumbersAndOtherValuesStay() {
        assertThat(integral("{\"a\":3.335,\"b\":1.0E300,\"c\":\"100.0\",\"d\":null,\"e\":true,\"f\":7}"))
                .isEqualTo("{\"a\":3.335,\"b\":1.0E300,\"c\":\"100.0\",\"d\":null,\"e\":true,\"f\":7}");
    }

    @Test
    void theIntegrationEventsDecodedObjectKeepsItsNulls() {
        ObjectNode object = (ObjectNode) Samples.JSON.readTree(Samples.bytes("chirpstack-v4/integration.json"))
                .get("object");
        ObjectNode integral = WholeNumbers.integral(object);
        assertThat(integral.at("/pending_requests/id").isIntegralNumber()).isTrue();
        assertThat(integral.at("/stream_records/0/0").intValue()).isEqualTo(43);
        assertThat(integral.at("/info_fields/voltage/value").doubleValue()).isEqualTo(3.04);
        assertThat(integral.get("dnlink").isNull()).isTrue();
    }
}

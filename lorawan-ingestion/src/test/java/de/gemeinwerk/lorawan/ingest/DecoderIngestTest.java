package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static de.gemeinwerk.lorawan.LorawanClient.sample;
import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's own decoder: compile-checked when stored, run for uplinks that arrive undecoded; when it fails, the
 * uplink is kept with the reason and stored by a replay once the decoder is fixed.
 */
class DecoderIngestTest extends LorawanTestBase {

    private static final String TYPE = """
            {"key":"abstand-eigen","name":"Abstand (eigener Decoder)","decoder":%s,
             "datastreams":[{"field":"/mm","name":"Abstand","observedProperty":{"name":"Abstand",
               "definition":"http://qudt.org/vocab/quantitykind/Distance"},
               "unitOfMeasurement":{"name":"Zentimeter","symbol":"cm","definition":"http://unitsofmeasure.org/ucum.html#cm"},
               "observationType":"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement","scale":0.1}]}""";
    // the EM500-UDL's distance channel (03 82, little-endian mm) at bytes 5 and 6 of its payload
    private static final String WORKING = "\"function decodeUplink(input) { var b = input.bytes;"
            + " return { data: { mm: b[5] | (b[6] << 8) } }; }\"";
    private static final String FAILING = "\"function decodeUplink(input) { return { errors: ['kaputt'] }; }\"";


    private LorawanClient client;

    @BeforeEach
    void tenant() {
        client = newTenant("decoder");
    }

    @Test
    void aDecoderThatDoesNotCompileIs400WithLineAndColumn() {
        JsonNode problem = assertProblem(client.admin("POST", "/device-types",
                TYPE.formatted("\"function decodeUplink(input) {\\n  return { data: ; }\\n}\"")), 400,
                "/" + client.slug() + "/admin/v1/lorawan/device-types");

        assertThat(problem.get("where").asString()).isEqualTo("/decoder");
        assertThat(problem.get("detail").asString()).contains("line 2");
    }

    @Test
    void aFailingDecoderKeepsTheUplinkWithTheReasonUntilFixedAndReplayed() {
        long type = client.admin("POST", "/device-types", TYPE.formatted(FAILING), 201).get("id").asLong();
        client.admin("POST", "/devices", "{\"devEui\":\"24e1247131000001\",\"name\":\"Zisterne\",\"deviceType\":"
                + type + ",\"location\":{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}}", 201);
        String secret = client.webhookSecret("chirpstack");

        assertThat(client.webhook("chirpstack?event=up", sample("chirpstack-v4/up-em500-udl-raw.json"), secret)
                .body()).isEqualTo("{\"outcome\":\"quarantined\"}");
        JsonNode kept = client.admin("GET", "/quarantine", null, 200).get(0);
        assertThat(kept.get("reason").asString()).contains("kaputt");

        client.admin("PUT", "/device-types/" + type, TYPE.formatted(WORKING), 200);
        JsonNode replayed = client.admin("POST", "/quarantine/24e1247131000001/replay", null, 200);

        assertThat(replayed.get("observations").asInt()).isEqualTo(1);
        assertThat(client.admin("GET", "/quarantine", null, 200)).isEmpty();
        // 0x1e82 → 30 mm × 0.1 = 3 cm
        assertThat(client.sta().get("Observations").get("value").get(0).get("result").asDouble()).isEqualTo(3.0);
        // from now on it decodes directly
        assertThat(client.webhook("chirpstack?event=up", sample("chirpstack-v4/up-em500-udl.json"), secret).body())
                .isEqualTo("{\"outcome\":\"stored\"}");
    }
}

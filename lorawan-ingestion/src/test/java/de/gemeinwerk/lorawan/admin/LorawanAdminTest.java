package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.platform.access.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The LoRaWAN admin API: webhooks, device types, devices, and what one tenant's admin cannot see of another's. */
class LorawanAdminTest extends LorawanTestBase {

    private static final String OWN_TYPE = """
            {"key":"pegel-v1","name":"Eigener Pegel","description":"Test","shared":%s,"decoder":null,
             "datastreams":[{"field":"/level","name":"Pegel","description":"Wasserstand",
               "observedProperty":{"name":"Wasserstand","definition":"https://example.org/level","description":"x"},
               "unitOfMeasurement":{"name":"Zentimeter","symbol":"cm","definition":"http://unitsofmeasure.org/ucum.html#cm"},
               "observationType":"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement","scale":0.1}]}""";


    private LorawanClient a;
    private LorawanClient b;

    @BeforeEach
    void tenants() {
        a = newTenant("admin-a");
        b = newTenant("admin-b");
    }

    @Test
    void aWebhookShowsItsSecretOnceAndIsListedWithout() {
        JsonNode created = a.admin("POST", "/webhooks", "{\"name\":\"ChirpStack der Stadtwerke\","
                + "\"networkServer\":\"chirpstack\"}", 201);

        assertThat(created.get("secret").asString()).startsWith("gw_").hasSize(46);
        assertThat(created.get("path").asString()).isEqualTo("/" + a.slug() + "/lorawan/v1/chirpstack");
        assertThat(created.get("networkServer").asString()).isEqualTo("chirpstack");
        assertThat(created.get("createdAt").asString()).isNotBlank();
        JsonNode listed = a.admin("GET", "/webhooks", null, 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).isFalse();
        assertThat(listed.get(0).get("name").asString()).isEqualTo("ChirpStack der Stadtwerke");
        assertThat(b.admin("GET", "/webhooks", null, 200)).isEmpty();

        long id = created.get("id").asLong();
        assertProblem(b.admin("DELETE", "/webhooks/" + id, null), 404, "/" + b.slug() + "/admin/v1/lorawan/webhooks/" + id);
        a.admin("DELETE", "/webhooks/" + id, null, 204);
        assertThat(a.admin("GET", "/webhooks", null, 200)).isEmpty();
    }

    @Test
    void badWebhookInputIsA400NamingThePlace() {
        JsonNode problem = assertProblem(a.admin("POST", "/webhooks", "{\"name\":\"x\",\"networkServer\":\"lorawan\"}"),
                400, "/" + a.slug() + "/admin/v1/lorawan/webhooks");
        assertThat(problem.get("where").asString()).isEqualTo("/networkServer");
        assertThat(a.admin("POST", "/webhooks", "{\"name\":\"x\",\"networkServer\":\"chirpstack\",\"secret\":\"s\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theAdminApiNeedsAnAdminKeyOfTheTenant() {
        assertThat(a.adminWithKey("GET", "/devices", null, null).statusCode()).isEqualTo(401);
        String writeKey = keys.create(a.sta().tenant().id(), "writer", Role.WRITE).key();
        assertThat(a.adminWithKey("GET", "/devices", null, writeKey).statusCode()).isEqualTo(403);
        assertThat(a.adminWithKey("GET", "/quarantine", null, b.sta().key()).statusCode()).isEqualTo(403);
    }

    @Test
    void theBuiltInDeviceTypesAreListedReadOnly() {
        JsonNode types = a.admin("GET", "/device-types", null, 200);

        assertThat(types.valueStream().filter(t -> t.get("owner").isNull()).map(t -> t.get("key").asString()))
                .containsExactlyInAnyOrder("milesight-em500-udl", "milesight-em500-swl", "dragino-laq4",
                        "nwave-nps405");
        JsonNode laq4 = types.valueStream().filter(t -> t.get("key").asString().equals("dragino-laq4")).findFirst()
                .orElseThrow();
        assertThat(laq4.get("shared").asBoolean()).isTrue();
        assertThat(laq4.get("decoder").asString()).contains("function decodeUplink");
        assertThat(laq4.get("datastreams").valueStream().map(d -> d.get("unitOfMeasurement").get("symbol").asString()))
                .containsExactly("ppm", "ppb", "°C", "%", "V");
        long id = laq4.get("id").asLong();
        assertThat(a.admin("PUT", "/device-types/" + id, OWN_TYPE.formatted(false)).statusCode()).isEqualTo(403);
        assertThat(a.admin("DELETE", "/device-types/" + id, null).statusCode()).isEqualTo(403);
    }

    @Test
    void ownDeviceTypesArePrivateUnlessSharedAndOnlyTheOwnerChangesThem() {
        JsonNode own = a.admin("POST", "/device-types", OWN_TYPE.formatted(false), 201);
        long id = own.get("id").asLong();
        assertThat(own.get("owner").asString()).isEqualTo(a.slug());
        assertThat(own.get("datastreams").get(0).get("scale").asDouble()).isEqualTo(0.1);

        assertThat(b.admin("GET", "/device-types/" + id, null).statusCode()).isEqualTo(404);
        assertThat(b.admin("GET", "/device-types", null, 200).valueStream().map(t -> t.get("id").asLong()))
                .doesNotContain(id);

        a.admin("PUT", "/device-types/" + id, OWN_TYPE.formatted(true), 200);
        assertThat(b.admin("GET", "/device-types/" + id, null, 200).get("shared").asBoolean()).isTrue();
        assertThat(b.admin("PUT", "/device-types/" + id, OWN_TYPE.formatted(true)).statusCode()).isEqualTo(403);
        assertThat(b.admin("DELETE", "/device-types/" + id, null).statusCode()).isEqualTo(403);

        b.admin("POST", "/devices", "{\"devEui\":\"70b3d5000000aa01\",\"name\":\"B nutzt A\",\"deviceType\":" + id
                + "}", 201);
        assertThat(a.admin("DELETE", "/device-types/" + id, null).statusCode()).isEqualTo(409);
        assertThat(a.admin("PUT", "/device-types/" + id, OWN_TYPE.formatted(false)).statusCode()).isEqualTo(409);
        b.admin("DELETE", "/devices/70b3d5000000aa01", null, 204);
        a.admin("DELETE", "/device-types/" + id, null, 204);
    }

    @Test
    void anInvalidDeviceTypeIsA400NamingThePlace() {
        String badField = OWN_TYPE.formatted(false).replace("\"field\":\"/level\"", "\"field\":\"level\"");
        JsonNode problem = assertProblem(a.admin("POST", "/device-types", badField), 400,
                "/" + a.slug() + "/admin/v1/lorawan/device-types");
        assertThat(problem.get("where").asString()).isEqualTo("/datastreams/0/field");
        assertThat(a.admin("POST", "/device-types", OWN_TYPE.formatted(false).replace("pegel-v1", "Pegel V1"))
                .statusCode()).isEqualTo(400);
        a.admin("POST", "/device-types", OWN_TYPE.formatted(false), 201);
        assertThat(a.admin("POST", "/device-types", OWN_TYPE.formatted(false)).statusCode()).isEqualTo(409);
    }

    @Test
    void devicesAreRegisteredChangedAndDeletedWithinTheTenant() {
        long type = a.builtInType("milesight-em500-udl");
        JsonNode device = a.admin("POST", "/devices", "{\"devEui\":\"24E1247131000001\",\"name\":\"Füllstand Bahnhof\","
                + "\"description\":\"Zisterne\",\"deviceType\":" + type
                + ",\"location\":{\"type\":\"Point\",\"coordinates\":[9.494,51.298]},\"thing\":null}", 201);

        assertThat(device.get("devEui").asString()).isEqualTo("24e1247131000001");
        assertThat(device.get("thing").isNull()).isTrue();
        assertThat(a.admin("GET", "/devices/24E1247131000001", null, 200).get("name").asString())
                .isEqualTo("Füllstand Bahnhof");
        assertThat(a.admin("POST", "/devices", "{\"devEui\":\"24e1247131000001\",\"name\":\"x\",\"deviceType\":"
                + type + "}").statusCode()).isEqualTo(409);
        assertThat(b.admin("GET", "/devices/24e1247131000001", null).statusCode()).isEqualTo(404);
        assertThat(b.admin("GET", "/devices", null, 200)).isEmpty();

        a.admin("PUT", "/devices/24e1247131000001", "{\"name\":\"Füllstand Markt\",\"deviceType\":" + type + "}", 200);
        assertThat(a.admin("GET", "/devices", null, 200).get(0).get("name").asString()).isEqualTo("Füllstand Markt");
        a.admin("DELETE", "/devices/24e1247131000001", null, 204);
        assertThat(a.admin("GET", "/devices/24e1247131000001", null).statusCode()).isEqualTo(404);
    }

    @Test
    void badDeviceInputIsA400NamingThePlace() {
        long type = a.builtInType("milesight-em500-udl");
        assertThat(assertProblem(a.admin("POST", "/devices", "{\"devEui\":\"24-E1-24-71-31-00-00-01\",\"name\":\"x\","
                + "\"deviceType\":" + type + "}"), 400, "/" + a.slug() + "/admin/v1/lorawan/devices")
                .get("where").asString()).isEqualTo("/devEui");
        assertThat(assertProblem(a.admin("POST", "/devices", "{\"devEui\":\"24e1247131000001\",\"name\":\"x\","
                + "\"deviceType\":" + type + ",\"location\":{\"type\":\"Point\"}}"), 400,
                "/" + a.slug() + "/admin/v1/lorawan/devices").get("where").asString()).isEqualTo("/location");
        assertThat(a.admin("POST", "/devices", "{\"devEui\":\"24e1247131000001\",\"name\":\"x\",\"deviceType\":"
                + type + ",\"thing\":999999}").statusCode()).isEqualTo(400);
        long privateOfB = b.admin("POST", "/device-types", OWN_TYPE.formatted(false), 201).get("id").asLong();
        assertThat(a.admin("POST", "/devices", "{\"devEui\":\"24e1247131000001\",\"name\":\"x\",\"deviceType\":"
                + privateOfB + "}").statusCode()).isEqualTo(404);
    }
}

package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.lorawan.ingest.IngestOutcome;
import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.lorawan.uplink.UplinkLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Adopting many quarantined devices as a job: real progress, per-device errors, checks up front, per tenant. */
class BulkAdoptionTest extends LorawanTestBase {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    @Autowired
    UplinkSink sink;

    private LorawanClient client;

    @BeforeEach
    void tenant() {
        client = newTenant("adoptions");
    }

    @Test
    void threeHundredDevicesAreAdoptedWithProgressThatMoves() {
        keep(client, 300, 2, "a8404150");
        long type = client.builtInType("dragino-laq4");

        HttpResponse<String> accepted = client.admin("POST", "/quarantine/adoptions",
                "{\"all\":true,\"deviceType\":" + type + ",\"namePattern\":\"Luft {n} ({deviceName})\"}");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode started = LorawanClient.json(accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/" + client.slug() + "/admin/v1/jobs/" + started.get("id").asLong());
        assertThat(started.get("kind").asString()).isEqualTo("lorawan-adoption");
        assertThat(started.get("total").asInt()).isEqualTo(300);
        assertThat(started.get("startedBy").asString()).isEqualTo("API key 'test'");

        List<Integer> seen = new ArrayList<>();
        JsonNode finished = client.job(location, job -> {
            seen.add(job.get("done").asInt());
            return !job.get("state").asString().equals("running");
        });

        assertThat(finished.get("state").asString()).isEqualTo("finished");
        assertThat(finished.get("done").asInt()).isEqualTo(300);
        assertThat(finished.get("failed").asInt()).isZero();
        assertThat(seen).isSorted().anyMatch(done -> done > 0 && done < 300);
        JsonNode devices = client.admin("GET", "/devices", null, 200);
        assertThat(devices).hasSize(300);
        assertThat(devices.get(0).get("name").asString()).isEqualTo("Luft 1 (sensor-a840415000000000)");
        assertThat(devices.get(299).get("name").asString()).isEqualTo("Luft 300 (sensor-a84041500000012b)");
        assertThat(devices.get(0).get("thing").isNull()).isFalse();
        assertThat(client.admin("GET", "/quarantine", null, 200)).isEmpty();
        // two kept uplinks each became Observations; the Things stand where the uplinks said
        assertThat(client.sta().get("Observations?$count=true&$top=1&$filter=Datastream/name eq "
                + "'CO2 – Luft 1 (sensor-a840415000000000)'").get("@iot.count").asInt()).isEqualTo(2);
        assertThat(client.sta().get("Things?$count=true&$top=1").get("@iot.count").asInt()).isEqualTo(300);
        assertThat(client.sta().get("Locations?$top=1").get("value").get(0).get("location").toString())
                .contains("9.4");
    }

    @Test
    void listedDevicesAreAdoptedAndOneThatCannotBeIsAnErrorOfTheJobOnly() {
        keep(client, 3, 1, "a8404151");
        client.register("a840415100000001", "schon registriert", "dragino-laq4");
        long type = client.builtInType("dragino-laq4");

        JsonNode job = startAndWait(client, "{\"devEuis\":[\"A840415100000000\",\"a840415100000001\","
                + "\"a840415100000002\",\"a8404151000000ff\"],\"deviceType\":" + type
                + ",\"description\":\"Schulhof\",\"location\":{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}}");

        assertThat(job.get("state").asString()).isEqualTo("finished");
        assertThat(job.get("done").asInt()).isEqualTo(4);
        assertThat(job.get("failed").asInt()).isEqualTo(2);
        assertThat(job.get("errors").valueStream().map(e -> e.get("item").asString()))
                .containsExactly("a840415100000001", "a8404151000000ff");
        assertThat(job.get("errors").get(0).get("message").asString()).contains("registered already");
        assertThat(job.get("errors").get(1).get("message").asString()).contains("no kept uplinks");
        JsonNode adopted = client.admin("GET", "/devices/a840415100000002", null, 200);
        assertThat(adopted.get("name").asString()).isEqualTo("sensor-a840415100000002");
        assertThat(adopted.get("description").asString()).isEqualTo("Schulhof");
        assertThat(adopted.get("location").toString()).contains("9.5");
        // the registered device's kept uplink is still there, the adopted ones are gone
        assertThat(client.admin("GET", "/quarantine", null, 200).valueStream()
                .map(device -> device.get("devEui").asString())).containsExactly("a840415100000001");
    }

    @Test
    void adoptingAllLeavesRegisteredDevicesAlone() {
        keep(client, 2, 1, "a8404152");
        client.register("a840415200000000", "schon registriert", "dragino-laq4");

        JsonNode job = startAndWait(client, "{\"all\":true,\"deviceType\":" + client.builtInType("dragino-laq4") + "}");

        assertThat(job.get("total").asInt()).isEqualTo(1);
        assertThat(job.get("failed").asInt()).isZero();
        assertThat(client.admin("GET", "/devices/a840415200000001", null, 200).get("name").asString())
                .isEqualTo("sensor-a840415200000001");
    }

    @Test
    void aBadRequestIsRefusedBeforeAnyDeviceIsAdopted() {
        keep(client, 1, 1, "a8404153");
        long type = client.builtInType("dragino-laq4");
        assertBadRequest("{\"deviceType\":" + type + "}", "/devEuis");
        assertBadRequest("{\"all\":true,\"devEuis\":[\"a840415300000000\"],\"deviceType\":" + type + "}", "/all");
        assertBadRequest("{\"devEuis\":[],\"deviceType\":" + type + "}", "/devEuis");
        assertBadRequest("{\"devEuis\":[\"a840415300000000\",\"xyz\"],\"deviceType\":" + type + "}", "/devEuis/1");
        assertBadRequest("{\"devEuis\":[\"a840415300000000\",\"A840415300000000\"],\"deviceType\":" + type + "}",
                "/devEuis/1");
        assertBadRequest("{\"all\":true,\"deviceType\":" + type + ",\"namePattern\":\"{name}\"}", "/namePattern");
        assertBadRequest("{\"all\":true}", "/deviceType");
        assertBadRequest("{\"all\":true,\"deviceType\":" + type + ",\"location\":{\"type\":\"Point\"}}",
                "/location");
        assertBadRequest("{\"all\":true,\"deviceType\":" + type + ",\"thing\":5}", "body: /thing");
        assertThat(client.admin("POST", "/quarantine/adoptions", "{\"all\":true,\"deviceType\":999999}")
                .statusCode()).isEqualTo(404);
        assertThat(client.admin("GET", "/devices", null, 200)).isEmpty();
        assertThat(client.admin("GET", "/quarantine", null, 200)).hasSize(1);
    }

    @Test
    void anotherTenantAdoptsNoneOfTheseDevicesAndCannotSeeTheJob() {
        keep(client, 2, 1, "a8404154");
        LorawanClient other = newTenant("adoptions-other");
        long type = other.builtInType("dragino-laq4");

        HttpResponse<String> otherAll = other.admin("POST", "/quarantine/adoptions",
                "{\"all\":true,\"deviceType\":" + type + "}");
        JsonNode otherListed = startAndWait(other, "{\"devEuis\":[\"a840415400000000\"],\"deviceType\":" + type + "}");

        // the other tenant's quarantine is empty: nothing to adopt, no job
        assertThat(otherAll.statusCode()).as(otherAll.body()).isEqualTo(400);
        assertThat(LorawanClient.json(otherAll.body()).get("detail").asString()).startsWith("Nothing to adopt");
        assertThat(otherListed.get("failed").asInt()).isEqualTo(1);
        assertThat(client.admin("GET", "/quarantine", null, 200)).hasSize(2);
        assertThat(other.admin("GET", "/devices", null, 200)).isEmpty();
        JsonNode own = startAndWait(client, "{\"all\":true,\"deviceType\":" + type + "}");
        String ownJob = "/" + client.slug() + "/admin/v1/jobs/" + own.get("id").asLong();
        assertThat(other.sta().http().send("GET", "/" + other.slug() + "/admin/v1/jobs/" + own.get("id").asLong(),
                null, null, other.sta().key()).statusCode()).isEqualTo(404);
        assertThat(other.sta().http().send("GET", ownJob, null, null, other.sta().key()).statusCode())
                .isEqualTo(403);
        assertThat(client.admin("GET", "/devices", null, 200)).hasSize(2);
    }

    /** Keeps {@code uplinks} uplinks of each of {@code devices} unknown devices {@code prefix}00000000, … */
    private void keep(LorawanClient tenant, int devices, int uplinks, String prefix) {
        List<CompletableFuture<IngestOutcome>> outcomes = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String devEui = prefix + String.format("%08x", d);
            for (int u = 0; u < uplinks; u++) {
                ObjectNode decoded = (ObjectNode) LorawanClient.json("{\"CO2_ppm\":" + (400 + u) + "}");
                outcomes.add(sink.submit(tenant.sta().tenant().id(), new Uplink(NetworkServer.CHIRPSTACK, devEui,
                        "sensor-" + devEui, T0.plusSeconds(60L * u), (long) u, 2, new byte[] {1}, decoded,
                        devEui + "-" + u, List.of(), new UplinkLocation(51.3, 9.4 + d / 10_000.0, null))));
            }
        }
        assertThat(outcomes.stream().map(CompletableFuture::join)).containsOnly(IngestOutcome.QUARANTINED);
    }

    private JsonNode startAndWait(LorawanClient tenant, String body) {
        return tenant.endedJob(tenant.admin("POST", "/quarantine/adoptions", body));
    }

    private void assertBadRequest(String body, String where) {
        HttpResponse<String> response = client.admin("POST", "/quarantine/adoptions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(LorawanClient.json(response.body()).get("where").asString()).isEqualTo(where);
    }
}

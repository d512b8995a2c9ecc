package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.RadioReception;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.lorawan.uplink.UplinkLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UplinkJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyFieldSurvivesTheRoundTripThroughTheDatabaseText() {
        Uplink uplink = new Uplink(NetworkServer.THE_THINGS_STACK, "a840415f31000003", "eui-a840415f31000003",
                Instant.parse("2026-03-12T10:44:05.530117118Z"), 4294967295L, 2, new byte[] {13, 7, 5, 0, -1},
                (ObjectNode) JSON.readTree("{\"CO2_ppm\":523,\"nested\":{\"a\":[1,null]}}"), "gs:uplink:01KK",
                List.of(new RadioReception("eui-ac1f09fffe0a1b2c", -72, 9.8), new RadioReception("gw2", null, null)),
                new UplinkLocation(51.298, 9.494, 180.5));

        Uplink read = UplinkJson.read(JSON.readTree(UplinkJson.write(uplink).toString()));

        assertThat(read).usingRecursiveComparison().ignoringFields("payload").isEqualTo(uplink);
        assertThat(Arrays.equals(read.payload(), uplink.payload())).isTrue();
    }

    @Test
    void absentValuesStayAbsent() {
        Uplink uplink = new Uplink(NetworkServer.CHIRPSTACK, "0101010101010101", null, Instant.parse("2022-07-18T09:34:15Z"),
                null, null, null, null, "3ac7e3c4", List.of(), null);

        Uplink read = UplinkJson.read(JSON.readTree(UplinkJson.write(uplink).toString()));

        assertThat(read.deviceName()).isNull();
        assertThat(read.fCnt()).isNull();
        assertThat(read.fPort()).isNull();
        assertThat(read.decoded()).isNull();
        assertThat(read.location()).isNull();
        assertThat(read.payload()).isEmpty();
        assertThat(read.networkServer()).isEqualTo(NetworkServer.CHIRPSTACK);
    }
}

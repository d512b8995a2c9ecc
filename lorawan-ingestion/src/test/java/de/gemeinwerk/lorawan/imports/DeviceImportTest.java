package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering devices from CSV as a job, over the admin API. */
class DeviceImportTest extends LorawanTestBase {

    private static final String HEADER = "DevEUI;Name;Gerätetyp;Breite;Länge;Höhe\r\n";

    private LorawanClient client;

    @BeforeEach
    void tenant() {
        client = newTenant("imports");
    }

    @Test
    void threeHundredDevicesFromAGermanExcelFileAreRegistered() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 300; i++) {
            csv.append(String.format("A84041600000%04X;\"Stellplatz %d; Markt\";nwave-nps405;51,%03d;9,494;%n", i,
                    i + 1, i));
        }

        JsonNode job = importAndWait(client, csv.toString().getBytes(Charset.forName("windows-1252")), "text/csv");

        assertThat(job.get("kind").asString()).isEqualTo("lorawan-device-import");
        assertThat(job.get("state").asString()).isEqualTo("finished");
        assertThat(job.get("total").asInt()).isEqualTo(300);
        assertThat(job.get("done").asInt()).isEqualTo(300);
        assertThat(job.get("failed").asInt()).isZero();
        JsonNode devices = client.admin("GET", "/devices", null, 200);
        assertThat(devices).hasSize(300);
        JsonNode last = client.admin("GET", "/devices/a84041600000012b", null, 200);
        assertThat(last.get("name").asString()).isEqualTo("Stellplatz 300; Markt");
        assertThat(last.get("deviceType").asLong()).isEqualTo(client.builtInType("nwave-nps405"));
        assertThat(last.get("location").toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[9.494,51.299]}");
    }

    @Test
    void devicesRegisteredAlreadyAreErrorsOfTheirRowsAndTheOthersGoIn() {
        client.register("a840416100000002", "schon da", "dragino-laq4");

        JsonNode job = importAndWait(client, ("devEui,name,deviceType,latitude,longitude,altitude\n"
                + "a840416100000001,Eins,dragino-laq4,51.3,9.4,210\n"
                + "a840416100000002,Zwei,dragino-laq4,51.3,9.4,\n"
                + "a840416100000003,Drei,dragino-laq4,,,\n").getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8");

        assertThat(job.get("done").asInt()).isEqualTo(3);
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("item").asString()).isEqualTo("line 3 (a840416100000002)");
        assertThat(job.get("errors").get(0).get("message").asString()).contains("registered already");
        assertThat(client.admin("GET", "/devices/a840416100000002", null, 200).get("name").asString())
                .isEqualTo("schon da");
        assertThat(client.admin("GET", "/devices/a840416100000001", null, 200).get("location").toString())
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[9.4,51.3,210.0]}");
        assertThat(client.admin("GET", "/devices/a840416100000003", null, 200).get("location").isNull()).isTrue();
    }

    @Test
    void aMalformedFileIsRefusedWithLineAndColumnAndNothingIsRegistered() {
        assertRefused(HEADER + "a840416200000001;Eins;dragino-laq4;51;9;\r\n"
                + "a840416200000002;Zwei;dragino-laq4;51;9;\r\n"
                + "a840416200000001;Drei;dragino-laq4;51;9;\r\n", "line 4, column 1 (devEui)", "line 2");
        assertRefused(HEADER + "a840416200000001;Eins;dragino-laq4;51;9;\r\n"
                + "a840416200000002;Zwei;dragino-laq4;510;9;\r\n", "line 3, column 4 (latitude)", "-90 and 90");
        assertRefused(HEADER + "a840416200000001;\"Eins;dragino-laq4;51;9;\r\n", "line 2, column 2", "quote");
        assertRefused("devEui;name\r\n", "line 1", "deviceType");
        assertThat(client.admin("GET", "/devices", null, 200)).isEmpty();

        HttpResponse<String> json = send(client, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(json.statusCode()).isEqualTo(415);
        HttpResponse<String> badCharset = send(client, HEADER.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=klingon");
        assertThat(badCharset.statusCode()).isEqualTo(415);
        HttpResponse<String> notUtf8 = send(client, (HEADER + "a840416200000001;Eins;dragino-laq4;51;9;\r\n")
                .getBytes(Charset.forName("windows-1252")), "text/csv; charset=utf-8");
        assertThat(notUtf8.statusCode()).as(notUtf8.body()).isEqualTo(400);
        assertThat(LorawanClient.json(notUtf8.body()).get("detail").asString()).contains("not valid UTF-8");
        assertThat(client.admin("GET", "/devices", null, 200)).isEmpty();
    }

    @Test
    void anotherTenantsPrivateTypeCannotBeNamedAndItsDevicesStayApart() {
        LorawanClient other = newTenant("imports-other");
        long privateType = other.admin("POST", "/device-types", "{\"key\":\"geheim\",\"name\":\"Geheim\","
                + "\"datastreams\":[{\"field\":\"/x\",\"name\":\"X\",\"observedProperty\":{\"name\":\"X\","
                + "\"definition\":\"https://example.org/x\"},\"unitOfMeasurement\":{\"name\":\"Zahl\",\"symbol\":\"\","
                + "\"definition\":\"\"},\"observationType\":"
                + "\"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\"}]}", 201)
                .get("id").asLong();

        assertRefused(HEADER + "a840416300000001;Eins;geheim;51;9;\r\n", "line 2, column 3 (deviceType)",
                "no device type 'geheim'");
        assertRefused(HEADER + "a840416300000001;Eins;" + privateType + ";51;9;\r\n",
                "line 2, column 3 (deviceType)", "no device type " + privateType);

        importAndWait(other, (HEADER + "a840416300000001;Eins;geheim;51;9;\r\n").getBytes(StandardCharsets.UTF_8),
                "text/csv");
        JsonNode own = importAndWait(client, (HEADER + "a840416300000001;Eins;dragino-laq4;51;9;\r\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv");
        // the same DevEUI in two tenants is two devices
        assertThat(own.get("failed").asInt()).isZero();
        assertThat(other.admin("GET", "/devices/a840416300000001", null, 200).get("deviceType").asLong())
                .isEqualTo(privateType);
        assertThat(other.sta().http().send("GET", "/" + other.slug() + "/admin/v1/jobs/" + own.get("id").asLong(),
                null, null, other.sta().key()).statusCode()).isEqualTo(404);
    }

    @Test
    void aStrangerIsRefusedBeforeTheBodyIsReadAndAnOversizedFileIs413() throws IOException {
        // only the headers are sent: the answer comes without the server waiting for the announced 100 MB
        assertThat(headersOnly(null)).startsWith("HTTP/1.1 401");
        assertThat(headersOnly(client.sta().key())).startsWith("HTTP/1.1 413").contains("at most 5 MiB");
        assertThat(client.admin("GET", "/devices", null, 200)).isEmpty();
    }

    /** The answer to an import that announces a 100 MB body and never sends it. */
    private String headersOnly(String key) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000); // a server that waits for the body before answering fails the test
            socket.getOutputStream().write(("POST /" + client.slug() + "/admin/v1/lorawan/devices/imports HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 100000000\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            answer.write(in.read());
            // the server may keep the connection open, waiting to drain the body: what came within a second is all
            socket.setSoTimeout(1_000);
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException drained) {
                // the answer has ended
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private void assertRefused(String csv, String where, String message) {
        HttpResponse<String> response = send(client, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = LorawanClient.json(response.body());
        assertThat(problem.get("where").asString()).isEqualTo(where);
        assertThat(problem.get("detail").asString()).contains(message);
    }

    private static HttpResponse<String> send(LorawanClient tenant, byte[] csv, String contentType) {
        return tenant.sta().http().sendBytes("POST", "/" + tenant.slug() + "/admin/v1/lorawan/devices/imports", csv,
                contentType, tenant.sta().key());
    }

    private static JsonNode importAndWait(LorawanClient tenant, byte[] csv, String contentType) {
        return tenant.endedJob(send(tenant, csv, contentType));
    }
}

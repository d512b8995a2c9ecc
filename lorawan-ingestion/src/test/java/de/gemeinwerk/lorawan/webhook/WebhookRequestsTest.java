package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static de.gemeinwerk.lorawan.LorawanClient.sample;
import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may post to a tenant's webhooks, what they may post, and deduplication of what is posted twice. */
class WebhookRequestsTest extends LorawanTestBase {

    private static final byte[] UP = sample("chirpstack-v4/up-laq4.json");


    private LorawanClient client;
    private String chirpstack;
    private String tts;

    @BeforeEach
    void tenant() {
        client = newTenant("webhook");
        chirpstack = client.webhookSecret("chirpstack");
        tts = client.webhookSecret("the-things-stack");
    }

    @Test
    void withoutOrWithAWrongSecretIs401() {
        String path = "/" + client.slug() + "/lorawan/v1/chirpstack";
        assertProblem(client.webhook("chirpstack?event=up", UP, "application/json"), 401, path);
        assertProblem(client.webhook("chirpstack?event=up", UP, "gw_" + "A".repeat(43)), 401, path);
        assertProblem(client.webhook("chirpstack?event=up", UP, "not-even-a-secret"), 401, path);
        // the secret of another tenant's webhook is no secret of this one
        LorawanClient other = newTenant("webhook-other");
        assertProblem(client.webhook("chirpstack?event=up", UP, other.webhookSecret("chirpstack")), 401, path);
        // nor is this tenant's admin API key
        assertProblem(client.webhook("chirpstack?event=up", UP, client.sta().key()), 401, path);
        assertThat(client.admin("GET", "/quarantine", null, 200)).isEmpty();
    }

    @Test
    void theSecretOfTheOtherNetworkServersWebhookIs403() {
        assertProblem(client.webhook("chirpstack?event=up", UP, tts), 403,
                "/" + client.slug() + "/lorawan/v1/chirpstack");
        assertProblem(client.webhook("the-things-stack", sample("tts-v3/uplink-laq4.json"), chirpstack), 403,
                "/" + client.slug() + "/lorawan/v1/the-things-stack");
    }

    @Test
    void aDeletedWebhooksSecretNoLongerWorks() {
        long id = client.admin("GET", "/webhooks", null, 200).get(0).get("id").asLong();
        client.admin("DELETE", "/webhooks/" + id, null, 204);

        assertThat(client.webhook("chirpstack?event=up", UP, chirpstack).statusCode()).isEqualTo(401);
    }

    @Test
    void theThingsStackMaySendTheSecretAsBasicPassword() {
        String basic = Base64.getEncoder().encodeToString(("any-user:" + tts).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = client.webhook("the-things-stack/uplink", sample("tts-v3/uplink-laq4.json"),
                "application/json", "Authorization", "Basic " + basic);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"outcome\":\"quarantined\"}");
    }

    @Test
    void anUnknownTenantIs404() {
        HttpResponse<String> response = client.sta().http().send("POST", "/no-such-tenant/lorawan/v1/chirpstack?event=up",
                new String(UP, StandardCharsets.UTF_8), "application/json", null);
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedBodyIs400SayingWhere() {
        String body = new String(UP, StandardCharsets.UTF_8).replace("a840415f31000003", "a840415f3100000");

        assertThat(assertProblem(client.webhook("chirpstack?event=up", body.getBytes(StandardCharsets.UTF_8),
                chirpstack), 400, "/" + client.slug() + "/lorawan/v1/chirpstack").get("where").asString())
                .isEqualTo("/deviceInfo/devEui");
        assertThat(client.webhook("chirpstack?event=up", "{".getBytes(StandardCharsets.UTF_8), chirpstack)
                .statusCode()).isEqualTo(400);
        assertThat(client.webhook("chirpstack", UP, chirpstack).statusCode()).isEqualTo(400);
        assertThat(client.webhook("the-things-stack", "[]".getBytes(StandardCharsets.UTF_8), tts).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anotherContentTypeIs415AndABodyOver1MiBIs413() {
        assertProblem(client.webhook("chirpstack?event=up", UP, "text/plain", "Authorization", "Bearer " + chirpstack),
                415, "/" + client.slug() + "/lorawan/v1/chirpstack");
        assertProblem(client.webhook("the-things-stack", UP, "application/octet-stream", "Authorization",
                "Bearer " + tts), 415, "/" + client.slug() + "/lorawan/v1/the-things-stack");
        // ChirpStack's binary encoding goes to the Protobuf reader (which refuses JSON bytes), not to a 415
        assertProblem(client.webhook("chirpstack?event=up", UP, "application/octet-stream", "Authorization",
                "Bearer " + chirpstack), 400, "/" + client.slug() + "/lorawan/v1/chirpstack");
        byte[] huge = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertProblem(client.webhook("chirpstack?event=up", huge, chirpstack), 413,
                "/" + client.slug() + "/lorawan/v1/chirpstack");
    }

    @Test
    void theSameUplinkTwiceIsStoredOnceAndAnsweredDuplicate() {
        client.register("a840415f31000003", "Luft Rathaus", "dragino-laq4");

        assertThat(client.webhook("chirpstack?event=up", UP, chirpstack).body()).isEqualTo("{\"outcome\":\"stored\"}");
        // ChirpStack retries with the same deduplicationId
        assertThat(client.webhook("chirpstack?event=up", UP, chirpstack).body())
                .isEqualTo("{\"outcome\":\"duplicate\"}");

        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt()).isEqualTo(5);
    }

    @Test
    void theSameDeviceThroughBothNetworkServersIsStoredTwice() {
        // Two network servers are two deliveries with two identities (ChirpStack's deduplicationId, TTS's correlation
        // ids): Gemeinwerk cannot tell they are the same radio frame, so both are stored.
        client.register("a840415f31000003", "Luft Rathaus", "dragino-laq4");

        assertThat(client.webhook("chirpstack?event=up", UP, chirpstack).body()).isEqualTo("{\"outcome\":\"stored\"}");
        assertThat(client.webhook("the-things-stack", sample("tts-v3/uplink-laq4.json"), tts).body())
                .isEqualTo("{\"outcome\":\"stored\"}");

        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt()).isEqualTo(10);
    }

    @Test
    void aQuarantinedUplinkPostedAgainIsADuplicate() {
        assertThat(client.webhook("chirpstack?event=up", UP, chirpstack).body())
                .isEqualTo("{\"outcome\":\"quarantined\"}");
        assertThat(client.webhook("chirpstack?event=up", UP, chirpstack).body())
                .isEqualTo("{\"outcome\":\"duplicate\"}");
        assertThat(client.admin("GET", "/quarantine", null, 200).get(0).get("uplinks").asInt()).isEqualTo(1);
    }
}

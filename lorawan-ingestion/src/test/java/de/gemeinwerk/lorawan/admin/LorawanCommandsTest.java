package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.lorawan.webhook.Webhooks;
import de.gemeinwerk.platform.CommandOutput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static de.gemeinwerk.lorawan.LorawanClient.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code admin lorawan webhook …}: a webhook made on the command line works like one made over HTTP. */
class LorawanCommandsTest extends LorawanTestBase {

    @Autowired
    Webhooks webhooks;

    @Test
    void createListAndDeleteAWebhook() {
        LorawanClient client = newTenant("commands");
        LorawanCommands commands = new LorawanCommands(tenants, webhooks);
        CommandOutput output = new CommandOutput();

        assertThat(run(commands, output, "lorawan", "webhook", "create", client.slug(), "chirpstack", "Stadtwerke",
                "Netz")).isZero();
        String secret = output.out().lines().filter(line -> line.startsWith("secret: ")).findFirst().orElseThrow()
                .substring("secret: ".length()).split(" ")[0];
        assertThat(client.webhook("chirpstack?event=up", sample("chirpstack-v4/up-laq4.json"), secret).body())
                .isEqualTo("{\"outcome\":\"quarantined\"}");

        output.reset();
        assertThat(run(commands, output, "lorawan", "webhook", "list", client.slug())).isZero();
        assertThat(output.out()).contains("chirpstack  /" + client.slug() + "/lorawan/v1/chirpstack  Stadtwerke Netz")
                .doesNotContain(secret);
        long id = Long.parseLong(output.out().split(" ")[0]);
        assertThat(run(commands, output, "lorawan", "webhook", "delete", client.slug(), String.valueOf(id))).isZero();
        assertThat(client.webhook("chirpstack?event=up", sample("chirpstack-v4/up-laq4.json"), secret).statusCode())
                .isEqualTo(401);
    }

    @Test
    void badCommandsAreRefused() {
        LorawanCommands commands = new LorawanCommands(tenants, webhooks);
        CommandOutput output = new CommandOutput();

        assertThat(run(commands, output, "lorawan", "webhook", "create", "no-such-tenant", "chirpstack", "x")).isOne();
        assertThat(run(commands, output, "lorawan", "webhook")).isEqualTo(2);
        String slug = tenants.create("commands-bad-" + System.nanoTime() % 100000, "x", false).slug();
        assertThat(run(commands, output, "lorawan", "webhook", "create", slug, "lora", "x")).isOne();
        assertThat(run(commands, output, "lorawan", "webhook", "delete", slug, "x")).isEqualTo(2);
    }

    private static int run(LorawanCommands commands, CommandOutput output, String... command) {
        return commands.execute(List.of(command), output.outStream(), output.errStream());
    }
}

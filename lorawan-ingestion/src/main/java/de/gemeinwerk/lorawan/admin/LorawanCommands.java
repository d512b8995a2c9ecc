package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.registry.TextInput;
import de.gemeinwerk.lorawan.webhook.Webhook;
import de.gemeinwerk.lorawan.webhook.Webhooks;
import de.gemeinwerk.platform.admin.AdminCommandSet;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;

import java.io.PrintStream;
import java.util.List;

/**
 * The webhook commands of {@code ./gemeinwerk admin} (see {@link #USAGE}): what {@link WebhookAdminController} offers
 * over HTTP, for setting up a network server before any admin key is handed out.
 */
public class LorawanCommands implements AdminCommandSet {

    static final String USAGE = """
              lorawan webhook create <tenant-slug> <chirpstack|the-things-stack> <name>   (prints the secret, once)
              lorawan webhook list <tenant-slug>
              lorawan webhook delete <tenant-slug> <id>""";

    private static final int OK = 0;
    private static final int FAILED = 1;
    private static final int USAGE_ERROR = 2;

    private final Tenants tenants;
    private final Webhooks webhooks;

    public LorawanCommands(Tenants tenants, Webhooks webhooks) {
        this.tenants = tenants;
        this.webhooks = webhooks;
    }

    @Override
    public String usage() {
        return USAGE.stripTrailing();
    }

    @Override
    public boolean handles(List<String> command) {
        return command.getFirst().equals("lorawan");
    }

    @Override
    public int execute(List<String> command, PrintStream out, PrintStream err) {
        if (command.size() < 4 || !command.get(1).equals("webhook")) {
            return usage(err);
        }
        try {
            Tenant tenant = tenants.require(command.get(3));
            switch (command.get(2)) {
                case "create" -> {
                    if (command.size() < 6) {
                        return usage(err);
                    }
                    Webhook created = webhooks.create(tenant, TextInput.required(
                            String.join(" ", command.subList(5, command.size())), "name"),
                            NetworkServerNames.parse(command.get(4), "network server"));
                    out.println(line(created));
                    out.println("secret: " + created.secret() + "   (shown only now)");
                }
                case "list" -> webhooks.list(tenant).forEach(webhook -> out.println(line(webhook)));
                case "delete" -> {
                    if (command.size() != 5) {
                        return usage(err);
                    }
                    webhooks.delete(tenant, Long.parseLong(command.get(4)));
                    out.println("deleted");
                }
                default -> {
                    return usage(err);
                }
            }
            return OK;
        } catch (ApiException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (NumberFormatException e) {
            err.println("A webhook id is a number.");
            return USAGE_ERROR;
        }
    }

    private static String line(Webhook webhook) {
        return webhook.id() + "  " + webhook.networkServer() + "  " + webhook.path() + "  " + webhook.name();
    }

    private static int usage(PrintStream err) {
        err.println("Usage: admin <command>\n" + USAGE);
        return USAGE_ERROR;
    }
}

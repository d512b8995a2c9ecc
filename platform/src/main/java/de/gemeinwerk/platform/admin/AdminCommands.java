package de.gemeinwerk.platform.admin;

import de.gemeinwerk.platform.access.ApiKey;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.CreatedApiKey;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.PrintStream;
import java.util.List;

/**
 * The admin commands themselves, run against {@link Tenants} and {@link ApiKeys}, and those of the modules
 * ({@link AdminCommandSet}); {@link AdminCommand} parses nothing but Spring options and boots the context for them.
 */
class AdminCommands {

    static final String USAGE = """
            Usage: admin <command> [--spring.property=value ...]
              tenant create <slug> <name> [--private]
              tenant list
              key create <tenant-slug|--instance> <name> <read|write|admin>   (prints the key, only this once)
              key list <tenant-slug|--instance>
              key revoke <id>""";

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    private static final String INSTANCE = "--instance";

    private final Tenants tenants;
    private final ApiKeys apiKeys;
    private final List<AdminCommandSet> modules;

    @Autowired
    AdminCommands(Tenants tenants, ApiKeys apiKeys, ObjectProvider<AdminCommandSet> modules) {
        this(tenants, apiKeys, modules.orderedStream().toList());
    }

    AdminCommands(Tenants tenants, ApiKeys apiKeys, List<AdminCommandSet> modules) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.modules = modules;
    }

    /** Runs {@code command} (the words after "admin"); returns the process exit code. */
    int execute(List<String> command, PrintStream out, PrintStream err) {
        for (AdminCommandSet module : modules) {
            if (module.handles(command)) {
                return module.execute(command, out, err);
            }
        }
        try {
            if (matches(command, "tenant", "create", 4)) {
                return createTenant(command.get(2), command.get(3), false, out);
            }
            if (matches(command, "tenant", "create", 5) && command.get(4).equals("--private")) {
                return createTenant(command.get(2), command.get(3), true, out);
            }
            if (matches(command, "tenant", "list", 2)) {
                return listTenants(out);
            }
            if (matches(command, "key", "create", 5)) {
                return createKey(command.get(2), command.get(3), Role.parse(command.get(4)), out, err);
            }
            if (matches(command, "key", "list", 3)) {
                return listKeys(command.get(2), out);
            }
            if (matches(command, "key", "revoke", 3)) {
                return revokeKey(command.get(2), out, err);
            }
            err.println(usage());
            return USAGE_ERROR;
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        }
    }

    /** The platform's commands and those of the modules. */
    String usage() {
        StringBuilder usage = new StringBuilder(USAGE);
        modules.forEach(module -> usage.append('\n').append(module.usage()));
        return usage.toString();
    }

    private static boolean matches(List<String> command, String noun, String verb, int size) {
        return command.size() == size && command.get(0).equals(noun) && command.get(1).equals(verb);
    }

    private int createTenant(String slug, String name, boolean privateReads, PrintStream out) {
        Tenant tenant = tenants.create(slug, name, privateReads);
        out.println("Created tenant " + tenant.slug() + " (" + tenant.name() + ")"
                + (tenant.privateReads() ? " with private reads" : ""));
        return OK;
    }

    private int listTenants(PrintStream out) {
        for (Tenant tenant : tenants.list()) {
            out.println(tenant.slug() + "\t" + (tenant.privateReads() ? "private" : "public") + "\t" + tenant.name());
        }
        return OK;
    }

    /** The key alone goes to standard output, so that a script can capture it; the explanation to standard error. */
    private int createKey(String tenant, String name, Role role, PrintStream out, PrintStream err) {
        Long tenantId = INSTANCE.equals(tenant) ? null : tenants.require(tenant).id();
        CreatedApiKey created = apiKeys.create(tenantId, name, role);
        err.println("Created API key " + created.apiKey().id() + " '" + name + "' with role " + role.value() + " for "
                + (tenantId == null ? "the instance" : "tenant " + tenant) + ". It is shown only this once:");
        out.println(created.key());
        return OK;
    }

    private int listKeys(String tenant, PrintStream out) {
        List<ApiKey> keys = INSTANCE.equals(tenant)
                ? apiKeys.listInstanceKeys()
                : apiKeys.listForTenant(tenants.require(tenant).id());
        for (ApiKey key : keys) {
            out.println(key.id() + "\t" + key.role().value() + "\t" + (key.revokedAt() == null ? "active" : "revoked")
                    + "\t" + key.createdAt() + "\t" + key.name());
        }
        return OK;
    }

    private int revokeKey(String id, PrintStream out, PrintStream err) {
        long keyId;
        try {
            keyId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            err.println("Error: a key id is a number, not '" + id + "'.");
            return USAGE_ERROR;
        }
        apiKeys.revoke(keyId);
        out.println("Revoked API key " + keyId);
        return OK;
    }
}

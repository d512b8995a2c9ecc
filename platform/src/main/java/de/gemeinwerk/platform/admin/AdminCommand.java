package de.gemeinwerk.platform.admin;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.accounts.AccountCommands;
import de.gemeinwerk.platform.accounts.StaffAccounts;
import de.gemeinwerk.platform.database.DatabaseConfiguration;
import de.gemeinwerk.platform.tenant.Tenants;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line administration: {@code java -jar gemeinwerk.jar admin <command>}. The server's main method dispatches
 * here before starting anything:
 * <pre>{@code
 * if (AdminCommand.isAdminCommand(args)) {
 *     System.exit(AdminCommand.run(args, System.out, System.err));
 * }
 * }</pre>
 * {@link #run} starts a small Spring context without web server (database configuration, Flyway, tenants, API keys)
 * with the same configuration sources as the server (application.yml, environment variables such as
 * {@code GEMEINWERK_DATABASE_URL}, and {@code --name=value} arguments), so it works on the same database: the embedded
 * one in {@code ./data} (while the server is stopped, since only one process can own that directory) or the external
 * one. Commands (see {@link AdminCommands#USAGE}):
 * <pre>
 * admin tenant create &lt;slug&gt; &lt;name&gt; [--private]
 * admin tenant list
 * admin key create &lt;tenant-slug|--instance&gt; &lt;name&gt; &lt;read|write|admin&gt;   (prints the key, only this once)
 * admin key list &lt;tenant-slug|--instance&gt;
 * admin key revoke &lt;id&gt;
 * admin account create|list|disable|password …   (staff accounts of the admin console, {@link AccountCommands})
 * </pre>
 * Exit codes: 0 done, 1 refused (e.g. duplicate slug, unknown tenant), 2 usage error.
 */
public final class AdminCommand {

    private AdminCommand() {
    }

    /** Whether the process arguments ask for an admin command (first argument {@code admin}). */
    public static boolean isAdminCommand(String[] args) {
        return args.length > 0 && args[0].equals("admin");
    }

    /**
     * Runs the admin command in {@code args} (the process arguments, starting with {@code admin}).
     *
     * @param modules configuration classes of capability modules that add commands ({@link AdminCommandSet} beans)
     * @return the exit code for the process
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Class<?>... modules) {
        List<String> command = new ArrayList<>();
        List<String> springOptions = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(isAdminCommand(args) ? 1 : 0, args.length)) {
            (arg.startsWith("--") && arg.contains("=") ? springOptions : command).add(arg);
        }
        if (command.isEmpty() || command.getFirst().equals("help")) {
            // without starting a context the modules' commands are unknown; an unknown command lists them all
            err.println(AdminCommands.USAGE);
            return AdminCommands.USAGE_ERROR;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminContext.class)
                .sources(modules)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // a command's output should not drown in start-up logs; application.yml may still say otherwise
                .properties("logging.level.root=WARN")
                .run(springOptions.toArray(String[]::new))) {
            return context.getBean(AdminCommands.class).execute(command, out, err);
        }
    }

    /** Deliberately not a {@code @Configuration}: the server's component scan must not pick it up. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import({DatabaseConfiguration.class, Tenants.class, ApiKeys.class, StaffAccounts.class, AccountCommands.class,
            AdminCommands.class})
    static class AdminContext {
    }
}

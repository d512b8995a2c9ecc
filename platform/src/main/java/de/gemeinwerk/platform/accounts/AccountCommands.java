package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.admin.AdminCommandSet;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The admin commands for staff accounts of the console. A password is never an argument (it would stay in the shell's
 * history and in the process list): it is asked for twice on a terminal, or read as one line from standard input
 * ({@code echo "$PW" | ./gemeinwerk admin account create …}).
 */
public class AccountCommands implements AdminCommandSet {

    private static final String INSTANCE = "--instance";
    private static final int OK = 0;
    private static final int FAILED = 1;
    private static final int USAGE_ERROR = 2;

    private final Tenants tenants;
    private final StaffAccounts accounts;
    // the prompt → the password typed, or null when there is none
    private final Function<String, String> passwords;

    @Autowired
    public AccountCommands(Tenants tenants, StaffAccounts accounts) {
        this(tenants, accounts, AccountCommands::readPassword);
    }

    AccountCommands(Tenants tenants, StaffAccounts accounts, Function<String, String> passwords) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    public String usage() {
        return """
                  account create <tenant-slug|--instance> <login> <display name>   (password from the terminal or stdin)
                  account list <tenant-slug|--instance>
                  account disable <tenant-slug|--instance> <login>
                  account password <tenant-slug|--instance> <login>   (new password from the terminal or stdin)""";
    }

    @Override
    public boolean handles(List<String> command) {
        return !command.isEmpty() && command.getFirst().equals("account");
    }

    @Override
    public int execute(List<String> command, PrintStream out, PrintStream err) {
        String verb = command.size() > 1 ? command.get(1) : "";
        try {
            switch (verb) {
                case "create" -> {
                    if (command.size() != 5) {
                        break;
                    }
                    StaffAccount created = accounts.create(tenant(command.get(2)), command.get(3), command.get(4),
                            password(err));
                    out.println("Created account " + created.login() + " (" + created.displayName() + ") for "
                            + where(command.get(2)));
                    return OK;
                }
                case "list" -> {
                    if (command.size() != 3) {
                        break;
                    }
                    for (StaffAccount account : accounts.list(tenant(command.get(2)))) {
                        out.println(account.login() + "\t" + account.role().value() + "\t"
                                + (account.disabled() ? "disabled" : "active") + "\t"
                                + (account.lastLoginAt() == null ? "never" : account.lastLoginAt()) + "\t"
                                + account.displayName());
                    }
                    return OK;
                }
                case "disable" -> {
                    if (command.size() != 4) {
                        break;
                    }
                    accounts.disable(tenant(command.get(2)), command.get(3));
                    out.println("Disabled account " + command.get(3) + " of " + where(command.get(2))
                            + "; its sessions are ended");
                    return OK;
                }
                case "password" -> {
                    if (command.size() != 4) {
                        break;
                    }
                    accounts.changePassword(tenant(command.get(2)), command.get(3), password(err));
                    out.println("Changed the password of " + command.get(3) + " of " + where(command.get(2))
                            + "; its sessions are ended");
                    return OK;
                }
                default -> {
                    // falls through to the usage
                }
            }
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        }
        err.println("Usage: admin\n" + usage());
        return USAGE_ERROR;
    }

    private Long tenant(String slug) {
        return INSTANCE.equals(slug) ? null : tenants.require(slug).id();
    }

    private static String where(String slug) {
        return INSTANCE.equals(slug) ? "the instance" : "tenant " + slug;
    }

    private String password(PrintStream err) {
        String password = passwords.apply("Password (at least " + StaffAccounts.MIN_PASSWORD + " characters): ");
        if (password == null) {
            throw ApiException.badRequest("No password was given (type it, or pipe it as one line into stdin).");
        }
        StaffAccounts.validatePassword(password);
        return password;
    }

    /**
     * Whether the console is a terminal: from Java 22 on, System.console() is there also when stdin is a pipe, and
     * {@code Console.isTerminal()} (22+) tells; on 21 a console is always a terminal. Looked up at run time, since the
     * code is compiled for 21.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Asks twice on a terminal (without echo); otherwise reads the first line of standard input. */
    private static String readPassword(String prompt) {
        Console console = System.console();
        if (console != null && isTerminal(console)) {
            char[] first = console.readPassword("%s", prompt);
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw ApiException.badRequest("The two passwords differ.");
            }
            return new String(first);
        }
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package de.gemeinwerk.platform.admin;

import java.io.PrintStream;
import java.util.List;

/**
 * Admin commands contributed by a capability module (e.g. Observation retention by sensorthings), which the platform
 * cannot know. The server passes the module's configuration class to {@link AdminCommand#run}; each bean of this type
 * in that context is asked before the platform's own commands.
 */
public interface AdminCommandSet {

    /** Lines for the usage text, in the form of {@link AdminCommands#USAGE}'s. */
    String usage();

    /** Whether {@code command} (the words after "admin") is one of this set's. */
    boolean handles(List<String> command);

    /** Runs the command; returns the process exit code ({@code 0} done, {@code 1} refused, {@code 2} usage error). */
    int execute(List<String> command, PrintStream out, PrintStream err);
}

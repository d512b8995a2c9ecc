package de.gemeinwerk.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Gemeinwerk process killed with SIGKILL leaves its embedded PostgreSQL running (it is a daemon); the next start
 * on the same directory must still work and find every committed row. A second process on a directory in use must
 * be refused instead of taking it over.
 */
class OrphanedServerTest {

    @TempDir
    Path dataDir;

    @Test
    void aStartAfterTheOwnerWasKilledStopsTheOrphanedServerAndKeepsCommittedData() throws Exception {
        Process owner = startOwner(dataDir.resolve("postgres"));
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no close()
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"));
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             ResultSet rs = connection.createStatement().executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("committed before SIGKILL");
        }
    }

    @Test
    void aSecondProcessOnADirectoryInUseIsRefusedWithAClearMessage() throws Exception {
        Process owner = startOwner(dataDir.resolve("postgres"));
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir.resolve("postgres")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("used by another running Gemeinwerk process");
        } finally {
            owner.destroy(); // a normal stop: the owner closes its server
            owner.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A separate JVM that owns the directory, has committed a row, and waits to be stopped. */
    private static Process startOwner(Path directory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OwnerProcess.class.getName(), directory.toString()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(OwnerProcess.READY)) {
                Thread.ofVirtual().start(() -> drain(output));

                return process;
            }
        }
        throw new IllegalStateException("the owner process ended without starting its database: exit " + process.waitFor());
    }

    /** Reads the owner's output until it ends, so it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // discard
            }
        } catch (java.io.IOException e) {
            // the owner was killed: its output ends here
        }
    }

    /** The owner's main: start, commit a row, say so, then run until stopped (closing the server on SIGTERM). */
    public static final class OwnerProcess {
        static final String READY = "OWNER READY";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
                connection.createStatement().execute("create table survivor (note text)");
                connection.createStatement().execute("insert into survivor values ('committed before SIGKILL')");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

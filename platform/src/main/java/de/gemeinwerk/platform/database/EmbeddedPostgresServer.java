package de.gemeinwerk.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server started from the binaries shipped in a jar, listening on a free loopback port, with its data in a
 * directory that survives restarts. Tuned for a small (2-core) machine while keeping every durability setting on:
 * an acknowledged write must survive a power cut.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean deleteDataOnClose;
    private final DataDirectoryLock ownership;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean deleteDataOnClose,
                                   DataDirectoryLock ownership) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.deleteDataOnClose = deleteDataOnClose;
        this.ownership = ownership;
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the database cluster there on first use. The caller must
     * {@link #close()} it; there is no shutdown hook.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, false);
    }

    /** Starts the server on a fresh temporary directory that {@link #close()} deletes. */
    public static EmbeddedPostgresServer startTemporary() {
        try {
            return start(Files.createTempDirectory("gemeinwerk-postgres-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean deleteDataOnClose) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        long started = System.nanoTime();
        DataDirectoryLock ownership = null;
        try {
            ownership = DataDirectoryLock.acquire(directory);
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the owner closes it (Spring on context close): a hook of its own would stop the database in
                    // parallel, while a graceful shutdown still lets requests finish
                    .setRegisterShutdownHook(false)
                    // zonky turns synchronous_commit off by default; acknowledged data must be on disk
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    // the pool holds at most a few dozen connections; each unused slot costs shared memory
                    .setServerConfig("max_connections", "40")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("effective_cache_size", "1GB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("maintenance_work_mem", "128MB")
                    .setServerConfig("random_page_cost", "1.1")
                    // JIT compilation costs more than it saves for the short queries of an API server
                    .setServerConfig("jit", "off")
                    .setServerConfig("max_worker_processes", "4")
                    .setServerConfig("max_parallel_workers_per_gather", "1")
                    .start();
            log.info("Embedded PostgreSQL on port {} with data in {} started in {} ms", postgres.getPort(), directory,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new EmbeddedPostgresServer(postgres, directory, deleteDataOnClose, ownership);
        } catch (IOException e) {
            if (ownership != null) {
                ownership.close();
            }
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /** JDBC URL of the {@code postgres} database as user {@code postgres} (trusted local connection, no password). */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (a fast, clean shutdown that flushes everything); deletes a temporary data directory. */
    @Override
    public void close() {
        try (DataDirectoryLock released = ownership) {
            postgres.close();
            if (deleteDataOnClose) {
                FileSystemUtils.deleteRecursively(dataDirectory);
                Files.deleteIfExists(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}

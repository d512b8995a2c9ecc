package de.gemeinwerk.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Who owns an embedded database directory. The Gemeinwerk process that runs the embedded PostgreSQL holds an OS
 * file lock beside the directory for as long as it lives; the kernel releases it when the process ends, however it
 * ends. PostgreSQL runs as a daemon and outlives a Gemeinwerk process killed with SIGKILL (or by the OOM killer),
 * and its lock file would then keep every later start from working. So: whoever gets the lock while a PostgreSQL
 * server still runs on the directory has found such an orphan, and stops it — a clean shutdown that keeps every
 * committed transaction; whoever does not get the lock is a second Gemeinwerk on a directory in use, and is refused.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes ownership of {@code directory} (the PostgreSQL data directory), stopping an orphaned server on it. */
    static DataDirectoryLock acquire(Path directory) throws IOException {
        Files.createDirectories(directory.getParent());
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The embedded database in " + directory + " is used by another running"
                    + " Gemeinwerk process. Stop that one first, or start this one with another gemeinwerk.data-dir.");
        }
        stopOrphanedServer(directory);
        return new DataDirectoryLock(channel, lock);
    }

    private static void stopOrphanedServer(Path directory) {
        Optional<ProcessHandle> orphan = postmaster(directory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("A PostgreSQL server (pid {}) still runs on {}, left by a Gemeinwerk process that ended abruptly;"
                + " shutting it down cleanly before starting a new one", server.pid(), directory);
        server.destroy(); // SIGTERM: PostgreSQL's smart shutdown, which completes once the dead process's sessions are gone
        try {
            server.onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The orphaned PostgreSQL server (pid " + server.pid() + ") on " + directory
                    + " did not stop within " + ORPHAN_SHUTDOWN.toSeconds() + " s; stop it by hand", e);
        }
    }

    /** The live process named in postmaster.pid, if it is a postgres server on this directory. */
    private static Optional<ProcessHandle> postmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2 || !Path.of(lines.get(1).trim()).equals(directory)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            // unreadable or half-written: not a server we can identify; PostgreSQL checks its lock file itself
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

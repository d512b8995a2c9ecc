package de.gemeinwerk.server.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets of the demo (API key, webhook secrets) in the data dir, readable by the owner only. */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    /**
     * Replaces {@code file} with {@code content}: written to a new owner-only file first and then moved over the
     * old one, so the secret is never readable by others, not even for a moment, and a crash leaves old or new.
     */
    public static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(next, content);
        return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

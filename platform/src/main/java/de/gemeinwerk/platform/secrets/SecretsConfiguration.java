package de.gemeinwerk.platform.secrets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The application's {@link SecretBox}. Its key comes from {@code gemeinwerk.secrets.key} (base64 of 32 bytes; for
 * installations whose secrets live in a vault or the environment), else from {@code <data dir>/secrets/master.key},
 * which the first start generates, readable by the owner only. The key file sits beside the embedded database's data
 * but is not inside the database: a database dump alone opens nothing. With a temporary embedded database (tests)
 * nothing sealed outlives the process, so a key made up for it is enough and no file is written.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    static final String KEY_PROPERTY = "gemeinwerk.secrets.key";

    @Bean
    SecretBox secretBox(@Value("${" + KEY_PROPERTY + ":}") String configuredKey,
                        @Value("${gemeinwerk.data-dir:./data}") Path dataDir,
                        @Value("${gemeinwerk.database.embedded.temporary:false}") boolean temporaryDatabase) {
        if (StringUtils.hasText(configuredKey)) {
            return new SecretBox(decode(configuredKey));
        }
        return new SecretBox(temporaryDatabase ? SecretBox.newKey() : keyFile(dataDir.resolve("secrets/master.key")));
    }

    private static byte[] decode(String key) {
        try {
            return Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PROPERTY + " must be base64 of " + SecretBox.KEY_BYTES + " bytes.");
        }
    }

    /** The key stored in {@code file}, generated first if there is none. */
    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        // created with its permissions, so the key is never readable by others, not even for a moment
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, Base64.getEncoder().encodeToString(SecretBox.newKey()) + System.lineSeparator());
        try {
            // a concurrent first start (another instance on a shared data dir) may have won: keep its key
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException e) {
            // the other key is the one in use
        } finally {
            Files.delete(partial);
        }
    }
}

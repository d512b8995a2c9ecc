package de.gemeinwerk.platform.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsConfigurationTest {

    private final SecretsConfiguration configuration = new SecretsConfiguration();

    @Test
    void generatesTheKeyFileOnceReadableByTheOwnerOnly(@TempDir Path dataDir) throws Exception {
        SecretBox first = configuration.secretBox("", dataDir, false);
        Path file = dataDir.resolve("secrets/master.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        SecretBox restarted = configuration.secretBox("", dataDir, false);
        assertThat(restarted.open(first.seal("secret", "c"), "c")).isEqualTo("secret");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void prefersTheConfiguredKey(@TempDir Path dataDir) {
        byte[] key = SecretBox.newKey();

        SecretBox box = configuration.secretBox(Base64.getEncoder().encodeToString(key), dataDir, false);

        assertThat(box.keyId()).isEqualTo(new SecretBox(key).keyId());
        assertThat(dataDir.resolve("secrets")).doesNotExist();
        assertThatThrownBy(() -> configuration.secretBox("not base64!", dataDir, false))
                .hasMessageContaining("gemeinwerk.secrets.key");
    }

    @Test
    void writesNoFileForATemporaryDatabase(@TempDir Path dataDir) {
        SecretBox box = configuration.secretBox("", dataDir, true);

        assertThat(box.open(box.seal("secret", "c"), "c")).isEqualTo("secret");
        assertThat(dataDir.resolve("secrets")).doesNotExist();
    }
}

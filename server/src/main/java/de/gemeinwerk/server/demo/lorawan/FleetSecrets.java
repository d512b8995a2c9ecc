package de.gemeinwerk.server.demo.lorawan;

import de.gemeinwerk.server.demo.OwnerOnlyFile;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the fleet must remember across restarts, in the data dir next to the demo key and like it readable by the
 * owner only: the webhooks' ids and secrets (Gemeinwerk shows a secret once and keeps only its hash) and, when the
 * demo key file is gone, the fleet's own admin key.
 */
final class FleetSecrets {

    static final String FILE = "demo-lorawan-secrets.properties";

    private final Path file;
    private final Properties values = new Properties();

    FleetSecrets(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            try {
                values.load(new StringReader(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
    }

    String get(String key) {
        return values.getProperty(key);
    }

    void put(String key, String value) {
        values.setProperty(key, value);
        StringWriter text = new StringWriter();
        try {
            values.store(text, "secrets of the demo LoRaWAN fleet");
            OwnerOnlyFile.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}

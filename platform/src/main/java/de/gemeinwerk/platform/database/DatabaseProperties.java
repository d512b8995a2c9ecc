package de.gemeinwerk.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database is. Without {@code url} an embedded PostgreSQL is started (see {@link DatabaseConfiguration}).
 * Each property can also come from the environment, e.g. {@code GEMEINWERK_DATABASE_URL}.
 *
 * @param url         JDBC URL of an external PostgreSQL, e.g. {@code jdbc:postgresql://db:5432/gemeinwerk}
 * @param username    user for the external database
 * @param password    password for the external database
 * @param poolSize    maximum connections of the pool; 8 is about (2 cores x 2) + 1, plus room for a few slow queries
 * @param embedded    options of the embedded server
 */
@ConfigurationProperties("gemeinwerk.database")
public record DatabaseProperties(String url, String username, String password, @DefaultValue("8") int poolSize,
                                 @DefaultValue Embedded embedded) {

    /**
     * @param temporary keep the embedded server's data in a fresh temporary directory that is deleted on shutdown
     *                  (for tests) instead of {@code ${gemeinwerk.data-dir}/postgres}
     */
    public record Embedded(@DefaultValue("false") boolean temporary) {
    }
}

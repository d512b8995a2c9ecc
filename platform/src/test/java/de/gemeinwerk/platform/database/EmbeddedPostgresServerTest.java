package de.gemeinwerk.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table kept (value text)");
            execute(server, "insert into kept values ('acknowledged')");
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(dataDir);
             Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("acknowledged");
        }
    }

    @Test
    void durabilitySettingsAreOn(@TempDir Path dataDir) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            for (String setting : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rows = statement.executeQuery("show " + setting)) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void temporaryDataIsDeletedOnClose() throws SQLException {
        Path dataDir;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startTemporary()) {
            dataDir = server.dataDirectory();
            execute(server, "create table scratch (value text)");
        }
        assertThat(dataDir).doesNotExist();
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

package dev.privet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresTest {

    @Test
    void databaseAcceptsTableInsertAndSelect() throws SQLException {
        Database database = TestInfrastructure.postgres().createDatabase("endpoints");

        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE endpoint (id bigint PRIMARY KEY, name text NOT NULL)");
            assertThat(statement.executeUpdate("INSERT INTO endpoint VALUES (1, 'vpce-1'), (2, 'vpce-2')")).isEqualTo(2);
            try (ResultSet rows = statement.executeQuery("SELECT name FROM endpoint WHERE id = 2")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("vpce-2");
            }
            try (ResultSet version = statement.executeQuery("SHOW server_version_num")) {
                assertThat(version.next()).isTrue();
                assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);
            }
        }
    }

    @Test
    void twoCreatedDatabasesAreSeparate() throws SQLException {
        Postgres postgres = TestInfrastructure.postgres();
        Database first = postgres.createDatabase("same-Name");
        Database second = postgres.createDatabase("same-Name");

        assertThat(first.name()).isNotEqualTo(second.name()).startsWith("same_name_");
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection connection = second.connect(); Statement statement = connection.createStatement()) {
            assertThat(connection.getCatalog()).isEqualTo(second.name());
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM only_in_first"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void externalServerCreatesDatabasesAndDropsThemOnClose() throws SQLException {
        Postgres shared = TestInfrastructure.postgres();
        Database admin = shared.createDatabase("admin");
        Database made;
        try (Postgres external = Postgres.external(admin.jdbcUrl(), admin.username(), admin.password())) {
            assertThat(external.backend()).isEqualTo(Backend.EXTERNAL);
            made = external.createDatabase("external");
            try (Connection connection = made.connect()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
        assertThatThrownBy(made::connect).isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
    }

    @Test
    void namesAreSanitizedAndBounded() {
        assertThat(Postgres.uniqueName("Orders-Service")).matches("orders_service_[0-9a-f]{6}_\\d+");
        assertThat(Postgres.uniqueName("1st")).startsWith("db_1st_");
        assertThat(Postgres.uniqueName("x".repeat(100))).hasSizeLessThanOrEqualTo(63);
    }
}

package dev.privet.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty PostgreSQL database made by {@link Postgres#createDatabase(String)}.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://host:port/name} URL of the database
 * @param username a user that owns the database
 * @param password that user's password
 */
public record Database(String jdbcUrl, String username, String password) {

    /** Checks that no component is null. */
    public Database {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** @return the database name, taken from the path of {@link #jdbcUrl()} */
    public String name() {
        return JdbcUrl.databaseOf(jdbcUrl);
    }

    /**
     * Opens a new JDBC connection to this database; the caller closes it. Goes straight to the
     * PostgreSQL driver, not through {@code DriverManager}, which refuses drivers loaded by another
     * class loader (as under Quarkus tests).
     *
     * @return an open connection
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        return dataSource.getConnection(username, password);
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "Database[" + jdbcUrl + " as " + username + "]";
    }
}

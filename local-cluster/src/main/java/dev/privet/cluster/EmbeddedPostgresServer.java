package dev.privet.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the zonky binaries (no Docker, no installation), with its data in a directory
 * that is kept between starts: {@code initdb} runs only when the directory is new. The server
 * listens on localhost; the superuser is {@code postgres} with trust authentication.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres"; // ignored: trust authentication, but the services want one

    private final Path dataDirectory;
    private final Path logFile;
    private final int port;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDirectory, Path logFile, int port) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.port = port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server, running {@code initdb} first when the data directory is new. */
    void start() {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false) // LocalCluster stops it, after the services
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky turns this off for speed; the outbox relies on a commit being durable.
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            postgres = null;
            throw new ClusterStartException("PostgreSQL did not start on port " + port + ": " + rootMessage(e)
                    + "; log: " + logFile + "\n" + LogTail.of(logFile, 0, 20), e);
        }
        postmasterPid(dataDirectory).ifPresent(pid -> OrphanGuard.watch(pid, "INT"));
    }

    /** Creates each database that does not exist yet. */
    void createDatabases(Collection<String> names) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            for (String name : names) {
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new ClusterStartException("cannot create the databases " + names + " in PostgreSQL on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended). */
    void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("privet: stopping PostgreSQL: " + e.getMessage());
            }
            postgres = null;
        }
    }

    /** The postmaster's pid, from {@code postmaster.pid}, while a server runs on that directory. */
    static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    long pid() {
        return postmasterPid(dataDirectory).orElse(-1L);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}

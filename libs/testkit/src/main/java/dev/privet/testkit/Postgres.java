package dev.privet.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server for tests, handing out one fresh database per {@link #createDatabase(String)}.
 *
 * <p>{@link #start()} picks the first that applies:
 * <ol>
 *   <li>{@link Backend#EXTERNAL}: {@value #URL_ENV} holds a JDBC URL of an admin database
 *       (e.g. {@code jdbc:postgresql://host:5432/postgres}), with {@value #USER_ENV} and
 *       {@value #PASSWORD_ENV}; {@link #close()} drops the databases made here and leaves the server up;</li>
 *   <li>{@link Backend#CONTAINER}: a Docker engine answers, so a Testcontainers {@value #IMAGE}
 *       container runs the server;</li>
 *   <li>{@link Backend#EMBEDDED}: a PostgreSQL process from the zonky embedded binaries, on a free
 *       port, its binaries unpacked once into {@code ${java.io.tmpdir}/privet-embedded-pg}.</li>
 * </ol>
 */
public final class Postgres implements AutoCloseable {

    /** Environment variable holding the JDBC URL of an external server's admin database. */
    public static final String URL_ENV = "PRIVET_TEST_PG_URL";
    /** Environment variable holding the user for {@value #URL_ENV}. */
    public static final String USER_ENV = "PRIVET_TEST_PG_USER";
    /** Environment variable holding the password for {@value #URL_ENV}. */
    public static final String PASSWORD_ENV = "PRIVET_TEST_PG_PASSWORD";
    /** The PostgreSQL image run when a Docker engine answers. */
    public static final String IMAGE = "postgres:17";

    /** PostgreSQL truncates identifiers to 63 bytes. */
    private static final int MAX_NAME = 63;
    /** Tells this JVM's databases from those of other JVMs sharing an external server. */
    private static final String JVM_TOKEN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Backend backend;
    private final String adminUrl;
    private final String username;
    private final String password;
    private final AutoCloseable server;
    private final List<String> created = new CopyOnWriteArrayList<>();

    private Postgres(Backend backend, String adminUrl, String username, String password, AutoCloseable server) {
        this.backend = backend;
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.server = server;
    }

    /**
     * Starts (or finds) a server, choosing the backend as described on this class.
     *
     * @return a running server
     */
    public static Postgres start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return external(url.strip(), envOrEmpty(USER_ENV), envOrEmpty(PASSWORD_ENV));
        }
        return DockerEngine.answers() ? container() : embedded();
    }

    /**
     * Uses a server that runs elsewhere. Closing the result drops the databases it created.
     *
     * @param adminUrl a JDBC URL of a database the user may run {@code CREATE DATABASE} from
     * @param username the user
     * @param password the user's password
     * @return a handle on that server
     */
    public static Postgres external(String adminUrl, String username, String password) {
        JdbcUrl.databaseOf(Objects.requireNonNull(adminUrl, "adminUrl")); // fails early on a non-PostgreSQL URL
        return new Postgres(Backend.EXTERNAL, adminUrl, username, password, null);
    }

    /** A handle on a server that another owner started and will stop: closing it does nothing. */
    static Postgres borrowed(Backend backend, String adminUrl, String username, String password) {
        return new Postgres(backend, adminUrl, username, password, () -> { });
    }

    /**
     * Starts a server in a Testcontainers container; needs a Docker engine.
     *
     * @return a running server
     */
    public static Postgres container() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new Postgres(Backend.CONTAINER, container.getJdbcUrl(), container.getUsername(),
                container.getPassword(), container::stop);
    }

    /**
     * Starts an embedded PostgreSQL process on a free port.
     *
     * @return a running server
     */
    public static Postgres embedded() {
        QuietLogging.quiet("io.zonky.test");
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(ensureDirectory(binariesDirectory()))
                    .setDataDirectory(Files.createTempDirectory(ensureDirectory(dataRoot()).toPath(), "data-"))
                    .setCleanDataDirectory(true)
                    .setPort(0)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            return new Postgres(Backend.EMBEDDED, url, "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Creates a new, empty database owned by this server's user.
     *
     * @param name a readable stem; it is lower-cased, stripped to {@code [a-z0-9_]} and made unique
     *             with a suffix, so two calls never return the same database
     * @return the connection coordinates of the new database
     */
    public Database createDatabase(String name) {
        String unique = uniqueName(name);
        try (Connection admin = adminDatabase().connect();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE \"" + unique + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + unique + " on " + adminUrl, e);
        }
        created.add(unique);
        return new Database(JdbcUrl.withDatabase(adminUrl, unique), username, password);
    }

    /** @return where this server runs */
    public Backend backend() {
        return backend;
    }

    /** @return the JDBC URL of the admin database that databases are created from */
    public String adminJdbcUrl() {
        return adminUrl;
    }

    /** @return the user that creates (and owns) the databases */
    public String username() {
        return username;
    }

    /** @return that user's password */
    public String password() {
        return password;
    }

    /**
     * Stops the server if this JVM started it; for an external server, drops the databases
     * this instance created instead.
     */
    @Override
    public void close() {
        try {
            if (server == null) {
                dropCreated();
            } else {
                server.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not close PostgreSQL at " + adminUrl, e);
        }
    }

    @Override
    public String toString() {
        return "Postgres[" + backend + " " + adminUrl + "]";
    }

    static String uniqueName(String name) {
        String stem = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (stem.isEmpty() || !Character.isLetter(stem.charAt(0))) {
            stem = "db_" + stem;
        }
        String suffix = "_" + JVM_TOKEN + "_" + COUNTER.incrementAndGet();
        return stem.substring(0, Math.min(stem.length(), MAX_NAME - suffix.length())) + suffix;
    }

    private void dropCreated() throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        try (Connection admin = adminDatabase().connect();
             Statement statement = admin.createStatement()) {
            for (String database : created) {
                statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            }
        }
        created.clear();
    }

    private Database adminDatabase() {
        return new Database(adminUrl, username, password);
    }

    private static String envOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    private static File binariesDirectory() {
        return new File(System.getProperty("java.io.tmpdir"), "privet-embedded-pg");
    }

    /** Zonky's own working folder: it stops and removes stale data folders left under it. */
    private static File dataRoot() {
        return new File(System.getProperty("java.io.tmpdir"), "embedded-pg");
    }

    private static File ensureDirectory(File directory) throws IOException {
        Files.createDirectories(directory.toPath());
        return directory;
    }
}

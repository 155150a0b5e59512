package dev.privet.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Points a Quarkus service under test at the JVM's shared {@link TestInfrastructure}: its Kafka broker
 * and a fresh PostgreSQL database for each start.
 *
 * <p>Use with {@code @WithTestResource(PrivetServiceTestResource.class)} (scoped to the annotated
 * test class) or {@code @QuarkusTestResource(PrivetServiceTestResource.class)} (all tests of the module).
 * The optional init argument {@value #DATABASE_ARG} sets the stem of the database name
 * (default {@value #DEFAULT_DATABASE}).
 *
 * <p>{@link #start()} returns {@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url},
 * {@code quarkus.datasource.username}, {@code quarkus.datasource.password} and
 * {@code quarkus.http.test-port=0}. The broker and server outlive {@link #stop()}: they stop with the JVM.
 */
public class PrivetServiceTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the stem of the database name. */
    public static final String DATABASE_ARG = "database";
    /** Database name stem used when {@value #DATABASE_ARG} is not given. */
    public static final String DEFAULT_DATABASE = "service";

    private String databaseStem = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        String stem = initArgs.get(DATABASE_ARG);
        if (stem != null && !stem.isBlank()) {
            databaseStem = stem;
        }
    }

    @Override
    public Map<String, String> start() {
        // Both start in about two seconds each: start them side by side.
        CompletableFuture<Postgres> postgres = CompletableFuture.supplyAsync(TestInfrastructure::postgres);
        KafkaBroker kafka = TestInfrastructure.kafka();
        Database database = postgres.join().createDatabase(databaseStem);
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password(),
                "quarkus.http.test-port", "0");
    }

    @Override
    public void stop() {
        // The shared broker and server stop with the JVM; the database is left for post-mortems.
    }
}

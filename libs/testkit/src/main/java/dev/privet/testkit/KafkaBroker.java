package dev.privet.testkit;

import java.util.Objects;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for tests.
 *
 * <p>{@link #start()} picks the first that applies:
 * <ol>
 *   <li>{@link Backend#EXTERNAL}: the environment variable {@value #BOOTSTRAP_ENV} holds a
 *       {@code host:port} list, used as is; {@link #close()} leaves that broker alone;</li>
 *   <li>{@link Backend#CONTAINER}: a Docker engine answers, so a Testcontainers
 *       {@code apache/kafka} container runs the broker;</li>
 *   <li>{@link Backend#EMBEDDED}: a single-node KRaft broker (combined broker and controller)
 *       inside this JVM.</li>
 * </ol>
 */
public final class KafkaBroker implements AutoCloseable {

    /** Environment variable naming the bootstrap servers of an external broker. */
    public static final String BOOTSTRAP_ENV = "PRIVET_TEST_KAFKA_BOOTSTRAP";

    /** The Kafka image run when a Docker engine answers; the same version as the clients. */
    public static final String IMAGE = "apache/kafka:4.1.2";

    private final Backend backend;
    private final String bootstrapServers;
    private final AutoCloseable server;

    private KafkaBroker(Backend backend, String bootstrapServers, AutoCloseable server) {
        this.backend = backend;
        this.bootstrapServers = bootstrapServers;
        this.server = server;
    }

    /**
     * Starts (or finds) a broker, choosing the backend as described on this class.
     *
     * @return a broker that accepts clients at {@link #bootstrapServers()}
     */
    public static KafkaBroker start() {
        String external = System.getenv(BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        return DockerEngine.answers() ? container() : embedded();
    }

    /**
     * Uses a broker that runs elsewhere; closing the result does not touch it.
     *
     * @param bootstrapServers a {@code host:port[,host:port...]} list
     * @return a broker handle for that list
     */
    public static KafkaBroker external(String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        return new KafkaBroker(Backend.EXTERNAL, bootstrapServers.strip(), () -> { });
    }

    /**
     * Starts a broker in a Testcontainers container; needs a Docker engine.
     *
     * @return a started broker
     */
    public static KafkaBroker container() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new KafkaBroker(Backend.CONTAINER, container.getBootstrapServers(), container::stop);
    }

    /**
     * Starts a single-node KRaft broker inside this JVM.
     *
     * @return a started broker
     */
    public static KafkaBroker embedded() {
        KraftNode node = KraftNode.start();
        return new KafkaBroker(Backend.EMBEDDED, node.bootstrapServers(), node);
    }

    /** A handle on a broker that another owner started and will stop: closing it does nothing. */
    static KafkaBroker borrowed(Backend backend, String bootstrapServers) {
        return new KafkaBroker(backend, bootstrapServers, () -> { });
    }

    /** @return the {@code host:port} list that clients bootstrap from */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return where this broker runs */
    public Backend backend() {
        return backend;
    }

    /** Stops the broker if this JVM started it; does nothing for an external one. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Kafka broker at " + bootstrapServers, e);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + backend + " " + bootstrapServers + "]";
    }
}

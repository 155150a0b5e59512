package dev.privet.testkit;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JVM-wide shared {@link KafkaBroker} and {@link Postgres}: each starts on first use, once per JVM,
 * and stops in a shutdown hook, so all test classes of a module share one broker and one server.
 *
 * <p>Safe to call from several threads; a failed start is retried on the next call. "Once per JVM"
 * holds even when this library is loaded by several class loaders (Quarkus loads it anew for each
 * restart of the application under test, and closes the old loader): the servers are started by the
 * copy of this class in the system class loader when there is one, which publishes their coordinates
 * in system properties, and every copy borrows them from there. Do not close the returned objects.
 */
public final class TestInfrastructure {

    private static final System.Logger LOG = System.getLogger(TestInfrastructure.class.getName());

    private static final Shared<KafkaBroker> KAFKA = new Shared<>("dev.privet.testkit.kafka", "kafka",
            KafkaBroker::start,
            broker -> broker.backend() + "\n" + broker.bootstrapServers(),
            fields -> KafkaBroker.borrowed(Backend.valueOf(fields[0]), fields[1]));

    private static final Shared<Postgres> POSTGRES = new Shared<>("dev.privet.testkit.postgres", "postgres",
            Postgres::start,
            pg -> pg.backend() + "\n" + pg.adminJdbcUrl() + "\n" + pg.username() + "\n" + pg.password(),
            fields -> Postgres.borrowed(Backend.valueOf(fields[0]), fields[1], fields[2], fields[3]));

    private TestInfrastructure() {
    }

    /** @return the JVM's shared Kafka broker, started on first call */
    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    /** @return the JVM's shared PostgreSQL server, started on first call */
    public static Postgres postgres() {
        return POSTGRES.get();
    }

    /**
     * One lazily started resource, published under a system property {@code key} whose value is
     * {@code starting:<token>} while its owner starts it, then the resource's coordinates, one per line.
     */
    private static final class Shared<T extends AutoCloseable> {

        private static final String STARTING = "starting:";
        private static final Duration MAX_WAIT = Duration.ofMinutes(5);

        private final String key;
        private final String accessor;
        private final Supplier<T> starter;
        private final Function<T, String> describer;
        private final Function<String[], T> borrower;
        private volatile T instance;

        Shared(String key, String accessor, Supplier<T> starter, Function<T, String> describer,
               Function<String[], T> borrower) {
            this.key = key;
            this.accessor = accessor;
            this.starter = starter;
            this.describer = describer;
            this.borrower = borrower;
        }

        T get() {
            T current = instance;
            if (current == null) {
                synchronized (this) {
                    current = instance;
                    if (current == null) {
                        current = obtain();
                        instance = current;
                    }
                }
            }
            return current;
        }

        private T obtain() {
            Properties properties = System.getProperties();
            if (properties.get(key) == null) {
                startInSystemClassLoader();
            }
            String claim = STARTING + UUID.randomUUID();
            long deadline = System.nanoTime() + MAX_WAIT.toNanos();
            while (true) {
                Object published = properties.putIfAbsent(key, claim);
                if (published == null) {
                    return startAsOwner(properties, claim);
                }
                if (!published.toString().startsWith(STARTING)) {
                    return borrower.apply(published.toString().split("\n", -1));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Gave up waiting for another class loader to start " + key);
                }
                pause();
            }
        }

        /**
         * Has the system class loader's copy of this class start the server, so that it runs on classes
         * that outlive the calling (possibly Quarkus) class loader; does nothing without such a copy.
         */
        private void startInSystemClassLoader() {
            ClassLoader system = ClassLoader.getSystemClassLoader();
            Class<?> root;
            try {
                root = Class.forName(TestInfrastructure.class.getName(), true, system);
            } catch (ClassNotFoundException | LinkageError e) {
                return;
            }
            if (root == TestInfrastructure.class) {
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(system); // threads the server starts inherit it
            try {
                root.getMethod(accessor).invoke(null);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Could not start " + key, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Could not reach " + root.getName() + "." + accessor, e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        private T startAsOwner(Properties properties, String claim) {
            T started;
            long begin = System.nanoTime();
            try {
                started = starter.get();
            } catch (RuntimeException | Error e) {
                properties.remove(key, claim);
                throw e;
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            LOG.log(System.Logger.Level.INFO, () -> key + ": " + started + " started in " + millis + " ms");
            properties.put(key, describer.apply(started));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), key + ".stop"));
            return started;
        }

        private void stop(T started) {
            System.getProperties().remove(key);
            try {
                started.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + key + ": " + e);
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a shared test server", e);
            }
        }
    }
}

package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import dev.privet.cluster.PrivetService;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One local cluster shared by the test classes that only drive it through the gateway, because starting one costs
 * 30-60 s on a 2-core machine, more when it is busy. To use it: {@code @ExtendWith(SharedCluster.class)} on the
 * class, and a {@link LocalCluster} parameter on its {@code @BeforeAll} method.
 *
 * <p>The first class that asks starts it, with random ports and a temporary data directory; every later class in the
 * same test JVM gets the same cluster. JUnit closes it when the whole run ends (the root store closes the
 * {@link AutoCloseable} values it holds), which stops the cluster and deletes the directory.
 *
 * <p>What a sharing class must keep to, so that each passes whichever ran before it:
 * <ul>
 *   <li>its own accounts: everything else it counts or names (load balancers called {@code web}, "no target groups
 *       left", tags by key) is per account, so other classes' leftovers stay out of its way;</li>
 *   <li>the gateway's URL and the DNS port asked of the cluster when needed, not kept from before a
 *       {@link LocalCluster#restart()} that a class may call (the ports stay the same today; the rule keeps the
 *       tests free of that detail);</li>
 *   <li>no killed processes or broker, but in the class that runs last ({@link CrashRecoveryTest}, see
 *       {@code junit-platform.properties}): the supervisor heals the cluster, but a class running after it would
 *       meet processes restarted with backoff.</li>
 * </ul>
 * Classes run one after another (JUnit's default); a restart in one would break another running at the same time.
 */
final class SharedCluster implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);
    /** Every progress line the shared cluster printed, its supervisor's restarts among them. */
    private static final List<String> PROGRESS = new CopyOnWriteArrayList<>();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCluster.class;
    }

    /**
     * A cluster of the system tests in {@code data}: on random free ports, and with data plane addresses from a block
     * of their own, so their forwarders never meet those of a local cluster running on this host.
     */
    private static LocalCluster.Builder builder(Path data) {
        return LocalCluster.builder().dataDirectory(data).randomPorts()
                .serviceProperty(PrivetService.NETWORK, "privet.data-plane.pool", "127.102.0.0/16");
    }

    /** The progress lines the shared cluster printed so far. */
    static List<String> progress() {
        return PROGRESS;
    }

    @Override
    public LocalCluster resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Started.class, key -> Started.start(), Started.class).cluster();
    }

    /** The started cluster and its data directory, which goes with it. */
    private record Started(LocalCluster cluster, Path dataDirectory) implements AutoCloseable {

        static Started start() {
            Path data = createTemporaryDirectory();
            try {
                return new Started(builder(data).progress(line -> {
                    PROGRESS.add(line);
                    System.out.println(line);
                }).build().start(), data);
            } catch (RuntimeException e) {
                deleteRecursively(data);
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } finally {
                deleteRecursively(dataDirectory);
            }
        }

        private static Path createTemporaryDirectory() {
            try {
                return Files.createTempDirectory("privet-shared-cluster-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteRecursively(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the shared cluster's data in " + directory, e);
            }
        }
    }
}

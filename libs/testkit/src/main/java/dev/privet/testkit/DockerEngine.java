package dev.privet.testkit;

import java.util.logging.Level;
import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers, once per class loader, whether a Docker engine answers (about 0.2 s without one).
 * Testcontainers logs an ERROR with every strategy it tried when none answers: the probe runs with its
 * logging off, and Testcontainers logs at WARNING afterwards.
 */
final class DockerEngine {

    private static volatile Boolean answers;

    private DockerEngine() {
    }

    static boolean answers() {
        Boolean known = answers;
        if (known == null) {
            synchronized (DockerEngine.class) {
                known = answers;
                if (known == null) {
                    String[] categories = {"org.testcontainers", "tc", "com.github.dockerjava"};
                    QuietLogging.setLevel(Level.OFF, categories);
                    try {
                        known = probe();
                    } finally {
                        QuietLogging.setLevel(Level.WARNING, categories);
                    }
                    answers = known;
                }
            }
        }
        return known;
    }

    private static boolean probe() {
        // Testcontainers finds its strategies with ServiceLoader on the context class loader; under a Quarkus test
        // (or on a pool thread) that is another loader than Testcontainers' own, and the lookup fails.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DockerClientFactory.class.getClassLoader());
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | java.util.ServiceConfigurationError | LinkageError e) {
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}

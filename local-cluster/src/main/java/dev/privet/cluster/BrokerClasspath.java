package dev.privet.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classpath of the Kafka broker process: {@code kafka_2.13} and Log4j 2, as this module
 * resolved them. The build writes the list to {@code broker.classpath}, relative to the local Maven
 * repository; each jar is taken from {@code target/lib} beside this module's classes when there (the
 * packaged launcher), else from the local Maven repository (the library, used by tests).
 */
final class BrokerClasspath {

    static final String RESOURCE = "dev/privet/cluster/broker.classpath";
    static final String REPOSITORY_PLACEHOLDER = "@M2_REPO@";

    private BrokerClasspath() {
    }

    /** @throws ClusterStartException when the list is missing or names a jar that is nowhere */
    static String resolve() {
        String listing = readListing();
        List<Path> jars = resolve(listing, libDirectory(), localRepository());
        return String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    static List<Path> resolve(String listing, Optional<Path> libDirectory, Path localRepository) {
        List<Path> jars = new ArrayList<>();
        for (String entry : listing.trim().split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path inRepository = Path.of(entry.trim().replace(REPOSITORY_PLACEHOLDER, localRepository.toString()));
            Path found = libDirectory.map(lib -> lib.resolve(inRepository.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .orElse(inRepository);
            if (!Files.isRegularFile(found)) {
                throw new ClusterStartException("the Kafka broker's jar " + inRepository.getFileName() + " is missing (looked for "
                        + found + "); build the launcher again: ./mvnw -B -pl local-cluster install");
            }
            jars.add(found);
        }
        if (jars.isEmpty()) {
            throw new ClusterStartException("the Kafka broker's classpath is empty: " + RESOURCE + " lists no jar");
        }
        return jars;
    }

    private static String readListing() {
        try (InputStream in = BrokerClasspath.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ClusterStartException(RESOURCE + " is not on the classpath; build the launcher with Maven"
                        + " (./mvnw -B -pl local-cluster install), not only with an IDE");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterStartException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** {@code target/lib} beside {@code target/classes} or the packaged jar, when it exists. */
    private static Optional<Path> libDirectory() {
        try {
            Path location = Path.of(BrokerClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = location.getParent().resolve("lib");
            return Files.isDirectory(lib) ? Optional.of(lib) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code -Dmaven.repo.local}, else {@code $PRIVET_MAVEN_REPO}, else {@code ~/.m2/repository}. */
    private static Path localRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("PRIVET_MAVEN_REPO");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}

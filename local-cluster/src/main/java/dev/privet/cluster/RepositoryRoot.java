package dev.privet.cluster;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the Privet checkout: the nearest folder, upwards, whose {@code pom.xml} is {@code privet-parent}. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** From the working directory, then from where this class was loaded; else the working directory. */
    static Path locate() {
        Path cwd = Path.of("").toAbsolutePath();
        return search(cwd).or(RepositoryRoot::fromCodeLocation).orElse(cwd);
    }

    static Optional<Path> search(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>privet-parent</artifactId>")
                        && Files.isDirectory(dir.resolve("local-cluster"))) {
                    return Optional.of(dir);
                }
            } catch (IOException ignored) {
                // unreadable pom: keep looking upwards
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> fromCodeLocation() {
        try {
            return search(Path.of(RepositoryRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

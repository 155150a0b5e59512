package dev.privet.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root: the nearest folder, from where the build runs upwards, that holds mvnw and deploy/. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Path find() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw and deploy/ at or above " + start);
    }
}

package dev.privet.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The checkout these checks run in, found upwards from the working directory (Maven runs them in the module). */
final class Repository {
    private static final Path ROOT = find(Path.of("").toAbsolutePath());

    private Repository() {
    }

    /** The directory that holds docker-compose.yml and mvnw. */
    static Path root() {
        return ROOT;
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " in " + ROOT, e);
        }
    }

    /** A properties file of the repository. */
    static Properties properties(String relative) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Path find(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory holding docker-compose.yml and mvnw above " + start);
    }
}

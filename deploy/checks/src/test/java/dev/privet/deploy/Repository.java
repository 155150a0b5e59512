package dev.privet.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The checkout these checks run in: the nearest folder, from the working directory upwards (Maven runs them in
 * this module), that holds the Maven wrapper and this module. The compose and the Kubernetes checks both read it.
 */
public final class Repository {
    private static final String THIS_MODULE = "deploy/checks/pom.xml";
    private static final Path ROOT = find(Path.of("").toAbsolutePath());

    private Repository() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " in " + ROOT, e);
        }
    }

    /** A properties file of the repository. */
    public static Properties properties(String relative) {
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
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve(THIS_MODULE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder holding mvnw and " + THIS_MODULE + " at or above " + start);
    }
}

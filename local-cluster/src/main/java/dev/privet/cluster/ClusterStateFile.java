package dev.privet.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <data>/cluster.properties}: where a running cluster listens and which processes it runs,
 * for {@code privet status} and other tools. Written at each step of a start and at stop.
 */
final class ClusterStateFile {

    static final String NAME = "cluster.properties";

    private ClusterStateFile() {
    }

    static void write(Path dataDirectory, Properties state) {
        Path file = dataDirectory.resolve(NAME);
        Path temporary = dataDirectory.resolve(NAME + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            state.store(out, "Privet local cluster: written by LocalCluster, read by ./privet status");
        } catch (IOException e) {
            System.err.println("privet: cannot write " + file + ": " + e.getMessage());
            return;
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException again) {
                System.err.println("privet: cannot write " + file + ": " + again.getMessage());
            }
        } catch (IOException e) {
            System.err.println("privet: cannot write " + file + ": " + e.getMessage());
        }
    }

    static Optional<Properties> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            state.load(in);
            return Optional.of(state);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

package dev.privet.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** What a running local cluster says about itself in {@code <data folder>/cluster.properties}: ports and pids. */
final class ClusterState {
    private ClusterState() {
    }

    static Optional<Properties> read(Path dataDir) {
        Path file = dataDir.resolve("cluster.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file's properties, or a failure asking whether the cluster runs with that data folder. */
    static Properties require(Path dataDir) {
        return read(dataDir).orElseThrow(() -> new IllegalArgumentException(
                "no " + dataDir.resolve("cluster.properties") + ": is the cluster running with that data folder?"));
    }
}

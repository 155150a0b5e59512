package dev.privet.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <data>/privet.pid}: the process that runs the cluster of this data directory (the
 * launcher of {@code ./privet up}, or a test JVM). {@code ./privet down} signals it.
 */
final class OwnerPidFile {

    static final String NAME = "privet.pid";

    private OwnerPidFile() {
    }

    /** The pid of another live Java process that owns the directory, if any. */
    static Optional<Long> liveOwner(Path dataDirectory) {
        return read(dataDirectory)
                .filter(pid -> pid != ProcessHandle.current().pid())
                .filter(OwnerPidFile::isLiveJava);
    }

    static Optional<Long> read(Path dataDirectory) {
        try {
            return Optional.of(Long.parseLong(Files.readString(dataDirectory.resolve(NAME), StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isLiveJava(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(true))
                .orElse(false);
    }

    static void claim(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve(NAME), ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterStartException("cannot write " + dataDirectory.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file if it still names this process. */
    static void release(Path dataDirectory) {
        if (read(dataDirectory).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            try {
                Files.deleteIfExists(dataDirectory.resolve(NAME));
            } catch (IOException ignored) {
                // a stale pid file is recognised as such by liveOwner
            }
        }
    }
}

package dev.privet.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A class data sharing archive of the broker's classes, shared by every broker this machine starts
 * with the same JDK and jars: the broker then starts in about 3 s instead of 8. The first broker
 * writes it when it exits ({@code -XX:ArchiveClassesAtExit}) under a name of its own, which is then
 * renamed into place, so two brokers never write the same file.
 */
final class BrokerClassDataArchive {

    private final Path archive;
    private Path pending;

    /** The archive for this JDK and this classpath, in {@code <java.io.tmpdir>/privet-cds/}. */
    BrokerClassDataArchive(String classpath) {
        String key = Runtime.version() + "\n" + System.getProperty("java.home") + "\n" + classpath;
        this.archive = Path.of(System.getProperty("java.io.tmpdir"), "privet-cds",
                "kafka-broker-" + Runtime.version().feature() + "-" + sha256(key).substring(0, 16) + ".jsa");
    }

    /** The JVM options for the next broker: use the archive, or write it at exit when there is none yet. */
    List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            pending = null;
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            return List.of();
        }
        pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:cds*=off");
    }

    /** The JVM options for a short-lived tool on the same classpath (the storage tool): the archive if there is one. */
    List<String> jvmOptionsForTool() {
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off") : List.of();
    }

    /** After the broker exited: puts a completed archive in place, or removes an incomplete one. */
    void brokerStopped(boolean exitedNormally) {
        if (pending == null) {
            return;
        }
        try {
            if (exitedNormally && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException ignored) {
                // a stray temporary file in the cache folder
            }
        }
        pending = null;
    }

    Path archive() {
        return archive;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

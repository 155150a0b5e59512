package dev.privet.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process), run as a child
 * process from the jars of {@link BrokerClasspath}. Its directory holds {@code server.properties},
 * {@code log4j2.xml}, {@code server.log}, the process output {@code kafka.out}, and the data in
 * {@code data/}, which is formatted once ({@code StorageTool format --standalone}) and kept. Each
 * {@link #launch()} runs the same broker on the same ports and data, so the {@link Supervisor} can restart it.
 */
final class KafkaBrokerProcess implements Restartable {

    private static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true"));
        if (Runtime.version().feature() >= 23) { // the broker still unmaps buffers with sun.misc.Unsafe
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    private final Path directory;
    private final KafkaBrokerConfig config;
    private final Map<String, String> markers;
    private final BrokerProbe probe;
    private volatile ChildProcess process;
    private BrokerClassDataArchive classData;

    /**
     * @param directory where the broker keeps its configuration, logs and data
     * @param markers   system properties that identify the launcher's children (see {@link LeftoverProcesses})
     */
    KafkaBrokerProcess(Path directory, int port, int controllerPort, Map<String, String> markers) {
        this.directory = directory.toAbsolutePath();
        this.config = new KafkaBrokerConfig(port, controllerPort, this.directory.resolve("data"));
        this.markers = markers;
        this.probe = new BrokerProbe(config.bootstrapServers());
    }

    String bootstrapServers() {
        return config.bootstrapServers();
    }

    Path serverLog() {
        return directory.resolve("server.log");
    }

    @Override
    public String name() {
        return "the Kafka broker";
    }

    @Override
    public long pid() {
        ChildProcess current = process;
        return current == null ? -1 : current.pid();
    }

    @Override
    public boolean isAlive() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    @Override
    public int exitCode() {
        return process.exitCode();
    }

    @Override
    public CompletableFuture<?> onExit() {
        ChildProcess current = process;
        return current == null ? CompletableFuture.completedFuture(null) : current.onExit();
    }

    /** The broker answers a metadata request within 2 s. */
    @Override
    public boolean isReady() {
        return isAlive() && probe.answers(Duration.ofSeconds(2));
    }

    /**
     * Writes the configuration, formats the data directory if new, starts the broker and waits
     * until it answers a metadata request.
     *
     * @param cancelled checked while waiting: true aborts the start
     */
    void start(Duration timeout, BooleanSupplier cancelled) {
        launch();
        awaitReady(timeout, cancelled);
    }

    /**
     * Writes the configuration, formats the data directory if new, and starts the broker without waiting; after a
     * crash, on the same data (the broker recovers its logs by itself).
     */
    @Override
    public void launch() {
        String classpath = BrokerClasspath.resolve();
        if (classData == null) {
            classData = new BrokerClassDataArchive(classpath);
        } else if (process != null) {
            classData.brokerStopped(process.exitedNormally()); // the previous broker crashed: drop its half-written archive
        }
        Path properties = directory.resolve("server.properties");
        Path log4j = directory.resolve("log4j2.xml");
        try {
            Files.createDirectories(directory);
            Files.writeString(properties, config.serverProperties(), StandardCharsets.UTF_8);
            Files.writeString(log4j, KafkaBrokerConfig.log4jConfiguration(directory), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClusterStartException("cannot write the Kafka broker's configuration in " + directory + ": " + e.getMessage(), e);
        }
        if (!isFormatted()) {
            format(classpath, properties, log4j);
        }
        process = ChildProcess.start("the Kafka broker", JavaCommand.mainClass(classpath, "kafka.Kafka")
                .jvmOptions(JVM_OPTIONS)
                .jvmOptions(classData.jvmOptions())
                .systemProperty("log4j2.configurationFile", log4j)
                .systemProperty("kafka.logs.dir", directory)
                .systemProperties(markers)
                .arguments(properties.toString())
                .toList(), directory, directory.resolve("kafka.out"));
    }

    /** Whether {@code data/} was formatted by an earlier start: it holds {@code meta.properties}. */
    boolean isFormatted() {
        return Files.isRegularFile(config.logDirectory().resolve("meta.properties"));
    }

    private void format(String classpath, Path properties, Path log4j) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = JavaCommand.mainClass(classpath, "kafka.tools.StorageTool")
                .jvmOptions(classData.jvmOptionsForTool())
                .systemProperty("log4j2.configurationFile", log4j)
                .arguments("format", "--standalone", "--cluster-id", clusterId, "--config", properties.toString())
                .toList();
        Path output = directory.resolve("format.log");
        try {
            Process format = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!format.waitFor(120, TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new ClusterStartException("formatting the Kafka data directory took more than 120 s; log: " + output);
            }
            if (format.exitValue() != 0) {
                throw new ClusterStartException("formatting the Kafka data directory " + config.logDirectory() + " failed (exit code "
                        + format.exitValue() + "); log: " + output + "\n" + LogTail.of(output, 0, 20));
            }
        } catch (IOException e) {
            throw new ClusterStartException("cannot run the Kafka storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterStartException("interrupted while formatting the Kafka data directory", e);
        }
    }

    /** Waits until the broker answers a metadata request; fails at once when it exits. */
    void awaitReady(Duration timeout, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                ChildProcess current = process;
                if (!current.isAlive()) {
                    throw new ClusterStartException("the Kafka broker exited with code " + current.exitCode()
                            + " before it was ready; log: " + serverLog() + "\n" + LogTail.of(serverLog(), 0, 30)
                            + "\n---- " + current.logFile() + " ----\n" + current.logTail(10));
                }
                if (cancelled.getAsBoolean()) {
                    throw new ClusterStartException("start cancelled: the cluster is being stopped");
                }
                if (System.nanoTime() > deadline) {
                    throw new ClusterStartException("the Kafka broker was not ready after " + timeout.toSeconds() + " s; log: "
                            + serverLog() + "\n" + LogTail.of(serverLog(), 0, 40));
                }
                if (probe.answers(Duration.ofSeconds(3))) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterStartException("interrupted while waiting for the Kafka broker", e);
        }
    }

    /** {@code SIGKILL}, no shutdown (a crash); returns once the broker is gone. */
    void kill() {
        ChildProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    /** Sends {@code SIGTERM}, waits for the controlled shutdown, then kills. */
    void stop() {
        ChildProcess current = process;
        if (current != null) {
            current.stop(Duration.ofSeconds(30));
            classData.brokerStopped(current.exitedNormally());
            process = null;
        }
        probe.close();
    }
}

package dev.privet.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A process the cluster started (a broker or a service): its output appended to a log file, an
 * {@link OrphanGuard} so it dies with the launcher, and a stop that sends {@code SIGTERM}, waits,
 * then kills it and anything it started.
 */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logOffset;

    private ChildProcess(String name, Process process, Path logFile, long logOffset) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logOffset = logOffset;
    }

    /** Starts {@code command} in {@code workingDirectory}, appending its output to {@code logFile}. */
    static ChildProcess start(String name, List<String> command, Path workingDirectory, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "\n==== privet: starting " + name + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long offset = LogTail.sizeOf(logFile);
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            OrphanGuard.watch(process.pid(), "TERM");
            return new ChildProcess(name, process, logFile, offset);
        } catch (IOException e) {
            throw new ClusterStartException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Completes when the process has exited. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Whether it has exited by itself or after SIGTERM (exit code 0, or 143 = 128 + SIGTERM), not killed. */
    boolean exitedNormally() {
        return !process.isAlive() && (process.exitValue() == 0 || process.exitValue() == 143);
    }

    Path logFile() {
        return logFile;
    }

    /** The last lines this run wrote to the log. */
    String logTail(int lines) {
        return LogTail.of(logFile, logOffset, lines);
    }

    /** Why the process is gone, with the end of its log, for an error message. */
    String diedMessage(String situation) {
        return name + " exited with code " + exitCode() + " " + situation + "; log: " + logFile
                + "\n---- last lines of " + logFile.getFileName() + " ----\n" + logTail(40);
    }

    /** Sends {@code SIGTERM} without waiting. */
    void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Sends {@code SIGTERM}, waits up to {@code grace}, then {@code SIGKILL}s what is left. */
    void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    /** {@code SIGKILL} for the process and what it started, no shutdown; returns once it has exited. */
    void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the end of a process whose stop was requested, killing it after {@code grace}. */
    void awaitStop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("privet: " + name + " did not stop within " + grace.toSeconds() + " s; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}

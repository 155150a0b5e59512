package dev.privet.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One Privet service running as {@code java -jar quarkus-run.jar}, its output in {@code logs/<module>.log}. The
 * command is fixed when this is made, so each {@link #launch()} (the first, or the supervisor's after a crash) starts
 * the service on the same port, database and properties.
 */
final class ServiceProcess implements Restartable {

    private final PrivetService service;
    private final List<String> command;
    private final Path workingDirectory;
    private final Path logFile;
    private final URI readiness;
    private volatile ChildProcess process;
    private volatile Elapsed sinceStart;

    ServiceProcess(PrivetService service, Path jar, Map<String, String> settings, List<String> jvmOptions,
                   Map<String, String> markers, Path logFile, int httpPort, Path workingDirectory) {
        this.service = service;
        this.command = JavaCommand.jar(jar).jvmOptions(jvmOptions).systemProperties(markers).systemProperties(settings).toList();
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
        this.readiness = HealthProbe.readiness(httpPort);
    }

    PrivetService service() {
        return service;
    }

    List<String> command() {
        return command;
    }

    @Override
    public String name() {
        return service.moduleName();
    }

    @Override
    public void launch() {
        sinceStart = Elapsed.start();
        process = ChildProcess.start(service.moduleName(), command, workingDirectory, logFile);
    }

    @Override
    public boolean isAlive() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    @Override
    public long pid() {
        ChildProcess current = process;
        return current == null ? -1 : current.pid();
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

    /** {@code GET /q/health/ready} answers 200. */
    @Override
    public boolean isReady() {
        return readinessStatus() == 200;
    }

    /** The status of {@code GET /q/health/ready}, -1 when nothing answers. */
    int readinessStatus() {
        return HealthProbe.status(readiness);
    }

    Path logFile() {
        return logFile;
    }

    URI readinessUri() {
        return readiness;
    }

    Elapsed sinceStart() {
        return sinceStart;
    }

    String diedMessage() {
        return process.diedMessage("before it was ready");
    }

    String logTail(int lines) {
        ChildProcess current = process;
        return current == null ? "" : current.logTail(lines);
    }

    void requestStop() {
        ChildProcess current = process;
        if (current != null) {
            current.requestStop();
        }
    }

    void awaitStop(Duration grace) {
        ChildProcess current = process;
        if (current != null) {
            current.awaitStop(grace);
        }
    }

    /** {@code SIGKILL}, no shutdown (a crash); returns once the process is gone. */
    void kill() {
        ChildProcess current = process;
        if (current != null) {
            current.kill();
        }
    }
}

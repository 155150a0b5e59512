package dev.privet.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One Privet service running as {@code java -jar quarkus-run.jar}, its output in {@code logs/<module>.log}. */
final class ServiceProcess {

    private final PrivetService service;
    private final List<String> command;
    private final Path logFile;
    private final URI readiness;
    private ChildProcess process;
    private Elapsed sinceStart;

    ServiceProcess(PrivetService service, Path jar, Map<String, String> settings, List<String> jvmOptions,
                   Map<String, String> markers, Path logFile, int httpPort) {
        this.service = service;
        this.command = JavaCommand.jar(jar).jvmOptions(jvmOptions).systemProperties(markers).systemProperties(settings).toList();
        this.logFile = logFile;
        this.readiness = HealthProbe.readiness(httpPort);
    }

    PrivetService service() {
        return service;
    }

    List<String> command() {
        return command;
    }

    void start(Path workingDirectory) {
        sinceStart = Elapsed.start();
        process = ChildProcess.start(service.moduleName(), command, workingDirectory, logFile);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
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
        return process.logTail(lines);
    }

    void requestStop() {
        if (process != null) {
            process.requestStop();
        }
    }

    void awaitStop(Duration grace) {
        if (process != null) {
            process.awaitStop(grace);
            process = null;
        }
    }

    /** {@code SIGKILL}, no shutdown: for tests of crashes. */
    void kill() {
        if (process != null) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            process.awaitStop(Duration.ofSeconds(10));
            process = null;
        }
    }
}

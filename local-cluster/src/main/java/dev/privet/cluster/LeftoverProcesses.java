package dev.privet.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Processes an earlier launcher of the same data directory left behind (it was killed before it
 * could stop them, and their orphan guards were killed too). Every Java child carries the marker
 * {@code -Dlocal-cluster.dir=<data directory>}; PostgreSQL is known by its {@code postmaster.pid}.
 * (Not under {@code privet.}: the services map that prefix and refuse properties they do not know.)
 */
final class LeftoverProcesses {

    static final String DIRECTORY_MARKER = "local-cluster.dir";
    static final String PARENT_MARKER = "local-cluster.parent-pid";

    private LeftoverProcesses() {
    }

    /** The system properties that mark a child of this launcher. */
    static Map<String, String> markers(Path dataDirectory) {
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put(DIRECTORY_MARKER, dataDirectory.toAbsolutePath().toString());
        markers.put(PARENT_MARKER, Long.toString(ProcessHandle.current().pid()));
        return markers;
    }

    /** Leftovers of {@code dataDirectory}: marked Java processes, and a postmaster on its {@code postgres/}. */
    static List<ProcessHandle> find(Path dataDirectory, Path postgresDirectory) {
        String marker = "-D" + DIRECTORY_MARKER + "=" + dataDirectory.toAbsolutePath();
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(marker)).orElse(false))
                .forEach(found::add);
        EmbeddedPostgresServer.postmasterPid(postgresDirectory)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .ifPresent(found::add);
        return found;
    }

    /** Stops the leftovers (SIGTERM, or SIGINT via {@code kill} for PostgreSQL), then kills what remains after 20 s. */
    static void stopAll(List<ProcessHandle> leftovers, Consumer<String> progress) {
        for (ProcessHandle process : leftovers) {
            progress.accept("stopping " + describe(process) + " (pid " + process.pid() + "), left over from an earlier run");
            if (process.info().command().map(c -> c.endsWith("/postgres")).orElse(false)) {
                signal(process.pid(), "INT");
            } else {
                process.destroy();
            }
        }
        for (ProcessHandle process : leftovers) {
            try {
                CompletableFuture<ProcessHandle> exit = process.onExit();
                exit.get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                try {
                    process.onExit().get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception ignored) {
                    // reported by the port check if it still holds a port
                }
            }
        }
    }

    private static String describe(ProcessHandle process) {
        Optional<String[]> args = process.info().arguments();
        if (args.isPresent()) {
            List<String> list = List.of(args.get());
            int jar = list.indexOf("-jar");
            if (jar >= 0 && jar + 1 < list.size()) {
                Path module = Path.of(list.get(jar + 1)).getParent(); // <module>/target/quarkus-app/quarkus-run.jar
                for (int i = 0; i < 2 && module != null; i++) {
                    module = module.getParent();
                }
                return module != null && module.getFileName() != null ? module.getFileName().toString() : "a service";
            }
            if (list.contains("kafka.Kafka")) {
                return "the Kafka broker";
            }
        }
        return process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("a process");
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }
}

package dev.privet.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HAProxy as the peer forwarder: {@code mode tcp}, {@code nbthread} the cores, one {@code listen} section per backend
 * port on its own loopback address, each to the same backend on 127.0.0.1; no health checks and no logs, as Privet's
 * data plane has neither. Its config and output are in the run's folder.
 */
final class Haproxy {
    private Haproxy() {
    }

    /**
     * Starts it with {@code maxconn} {@code wanted}, or what its limit on open files allows (two sockets a connection,
     * and a few of its own), which it inherits from this driver: HAProxy refuses to start with a maxconn it cannot
     * hold.
     */
    static Daemon start(String binary, Path dir, String address, Backends.Ports ports, int wanted) throws Exception {
        long files = Daemon.openFilesLimit(ProcessHandle.current().pid());
        int maxConnections = files < 0 ? wanted : (int) Math.min(wanted, (files - 100) / 2);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, config(address, ports.all(), Runtime.getRuntime().availableProcessors(), maxConnections));
        return Daemon.start("haproxy", dir, List.of(binary, "-db", "-f", config.toString()), address, ports.http());
    }

    static String config(String address, List<Integer> ports, int threads, int maxConnections) {
        StringBuilder c = new StringBuilder("""
                # Written by DataPlaneBenchmark: TCP forwarding to the benchmark's backends.
                global
                    nbthread %d
                    maxconn %d
                defaults
                    mode tcp
                    maxconn %d
                    timeout connect 5s
                    timeout client 1h
                    timeout server 1h
                """.formatted(threads, maxConnections, maxConnections));
        for (int port : ports) {
            c.append("""
                    listen port-%d
                        bind %s:%d
                        server backend %s:%d
                    """.formatted(port, address, port, Backends.HOST, port));
        }
        return c.toString();
    }
}

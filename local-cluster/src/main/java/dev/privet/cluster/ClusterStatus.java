package dev.privet.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What {@code privet status} finds for each part of a running cluster, probed now: whether its process is alive,
 * whether it answers its readiness check (a TCP connect for PostgreSQL and Kafka, {@code GET /q/health/ready} for the
 * services and the gateway), and how often the supervisor restarted it.
 *
 * <p>Why probe rather than read {@code cluster.properties}: that file says what the launcher last did (it keeps pids,
 * phases and restart counts current), but only a probe says whether a part answers now. The cluster is ready when
 * every part is.
 */
final class ClusterStatus {

    /**
     * One part, as probed.
     *
     * @param supervision {@code running}, {@code restarting}, {@code stopped}, or empty when not supervised
     * @param restarts    how often the supervisor restarted it, {@code -} for PostgreSQL (which it does not restart)
     */
    record Part(String name, String address, long pid, boolean alive, String supervision, String readiness,
                boolean answers, String restarts) {

        boolean ready() {
            return alive && answers;
        }

        String process() {
            if (pid < 0) {
                return "none";
            }
            String note = switch (supervision) {
                case "restarting" -> ", restarting";
                case "stopped" -> alive ? "" : ", stopped";
                default -> "";
            };
            return "pid " + pid + (alive ? " alive" : " gone") + note;
        }

        /** Why it is not ready, for the first line: {@code network-service: process gone (restarting)}. */
        String problem() {
            if (alive) {
                return name + ": " + readiness;
            }
            return name + ": " + (pid < 0 ? "no process" : "process gone") + switch (supervision) {
                case "restarting" -> " (restarting)";
                case "stopped" -> " (stopped)";
                default -> "";
            };
        }
    }

    private final List<Part> parts;

    private ClusterStatus(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Probes every part named in {@code state} (the contents of {@code cluster.properties}), all at once. */
    static ClusterStatus probe(Properties state) {
        List<Supplier<Part>> probes = new ArrayList<>();
        probes.add(() -> tcpPart(state, "postgres", "postgres", "127.0.0.1:" + state.getProperty("postgres.port", "?"), false));
        probes.add(() -> tcpPart(state, "kafka", "kafka", state.getProperty("kafka.bootstrap", "?"), true));
        for (String name : state.getProperty("services", "").split(",")) {
            if (!name.isBlank()) {
                probes.add(() -> servicePart(state, name.trim()));
            }
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Part>> futures = probes.stream().map(p -> threads.submit(p::get)).toList();
            List<Part> parts = new ArrayList<>();
            for (Future<Part> future : futures) {
                parts.add(future.get());
            }
            return new ClusterStatus(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the cluster", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("probing the cluster failed: " + e.getCause(), e.getCause());
        }
    }

    List<Part> parts() {
        return parts;
    }

    boolean ready() {
        return parts.stream().allMatch(Part::ready);
    }

    /** Why each part that is not ready is not, e.g. {@code kafka: not answering}. */
    List<String> problems() {
        return parts.stream().filter(p -> !p.ready()).map(Part::problem).toList();
    }

    /** One line per part: name, address, process, readiness, restarts. */
    void print(PrintStream out) {
        String format = "  %-17s %-26s %-28s %-16s %s%n";
        out.printf(Locale.ROOT, format, "PART", "ADDRESS", "PROCESS", "READINESS", "RESTARTS");
        for (Part part : parts) {
            out.printf(Locale.ROOT, format, part.name(), part.address(), part.process(), part.readiness(), part.restarts());
        }
    }

    private static Part tcpPart(Properties state, String key, String name, String address, boolean supervised) {
        long pid = pid(state.getProperty(key + ".pid"));
        boolean answers = tcpAnswers(state.getProperty(key + ".port"));
        return new Part(name, address, pid, isAlive(pid), state.getProperty(key + ".supervision", ""),
                answers ? "answers" : "not answering", answers, supervised ? state.getProperty(key + ".restarts", "0") : "-");
    }

    private static Part servicePart(Properties state, String name) {
        String key = "service." + name;
        String url = state.getProperty(key + ".url", "?");
        long pid = pid(state.getProperty(key + ".pid"));
        int code = url.equals("?") ? -1 : HealthProbe.status(URI.create(url + "/q/health/ready"));
        String readiness = code == 200 ? "ready" : code < 0 ? "not answering" : "not ready (" + code + ")";
        return new Part(name, url, pid, isAlive(pid), state.getProperty(key + ".supervision", ""), readiness, code == 200,
                state.getProperty(key + ".restarts", "0"));
    }

    private static long pid(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isAlive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean tcpAnswers(String port) {
        if (port == null) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 1000);
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}

package dev.privet.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server the driver runs as a child for the length of a run (HAProxy, nginx, iperf3): its output in
 * {@code <dir>/<name>.log}, its pid in {@code <dir>/<name>.pid} for the script's trap, stopped by {@link #close} or
 * when the driver exits.
 */
final class Daemon implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} and waits until it accepts TCP connections on {@code host:port}. */
    static Daemon start(String name, Path dir, List<String> command, String host, int port) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Daemon daemon = new Daemon(name, process, log);
        Files.writeString(dir.resolve(name + ".pid"), process.pid() + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), 1000);
                return daemon;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    daemon.close();
                    throw new IllegalStateException(name + " (" + String.join(" ", command) + ") does not accept on "
                            + host + ":" + port + (process.isAlive() ? "" : ": it exited") + "; its log " + log + ":\n"
                            + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Memory this process holds now, in KiB ({@code VmRSS} of /proc/pid/status). */
    long residentKib() {
        return residentKib(pid());
    }

    static long residentKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The soft limit on open files of a process ({@code Max open files} of /proc/pid/limits); -1 when unknown. */
    static long openFilesLimit(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream()
                    .filter(l -> l.startsWith("Max open files")).findFirst()
                    .map(l -> l.substring("Max open files".length()).trim().split("\\s+")[0])
                    .map(v -> v.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(v)).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

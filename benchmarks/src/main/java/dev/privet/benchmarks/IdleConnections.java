package dev.privet.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many connections held open at once through one forwarder to the echo backend: each is opened and exchanges a line
 * (what it sends must come back), all are held idle, then each exchanges a line again, which proves the forwarder
 * kept every one. The forwarder's resident memory before the first is opened and while all are held idle gives the
 * memory per idle connection.
 */
final class IdleConnections {
    /** What one hold found; {@code errors} counts the connections that failed, {@code firstErrors} says how. */
    record Outcome(String forwarder, int wanted, int held, int errors, List<String> firstErrors, long rssBeforeKib,
                   long rssHeldKib, long rssClosedKib, double openSeconds) {
        double kibPerConnection() {
            return held == 0 ? 0 : (rssHeldKib - rssBeforeKib) / (double) held;
        }
    }

    private static final int TIMEOUT_MILLIS = 10_000;

    private IdleConnections() {
    }

    /**
     * Opens {@code count} connections to {@code target}, {@code parallel} at a time, holds them idle
     * {@code holdSeconds}, exchanges again on each, then closes them all; {@code pid} is the forwarder's process.
     */
    static Outcome hold(String forwarder, long pid, InetSocketAddress target, int count, int parallel, int holdSeconds)
            throws Exception {
        long rssBefore = Daemon.residentKib(pid);
        Queue<Socket> open = new ConcurrentLinkedQueue<>();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        int openFailures = forEach("open", count, parallel, i -> {
            Socket s = new Socket();
            try {
                s.connect(target, TIMEOUT_MILLIS);
                s.setSoTimeout(TIMEOUT_MILLIS);
                exchange(s, "open " + i);
                open.add(s);
            } catch (IOException e) {
                s.close();
                throw e;
            }
        }, errors);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
        long rssHeld = Daemon.residentKib(pid);
        List<Socket> sockets = new ArrayList<>(open);
        int againFailures = forEach("after the hold", sockets.size(), parallel, i -> exchange(sockets.get(i), "again " + i),
                errors);
        for (Socket s : sockets) {
            s.close();
        }
        Thread.sleep(2_000); // the forwarder closes its side of each
        return new Outcome(forwarder, count, sockets.size() - againFailures, openFailures + againFailures, errors.stream().limit(5).toList(), rssBefore, rssHeld,
                Daemon.residentKib(pid), openSeconds);
    }

    private interface Step {
        void run(int i) throws IOException;
    }

    /** Runs step 0..count-1 on virtual threads, at most {@code parallel} at once: how many failed (in errors). */
    private static int forEach(String phase, int count, int parallel, Step step, Queue<String> errors)
            throws InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int n = i;
                slots.acquire();
                threads.submit(() -> {
                    try {
                        step.run(n);
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                        errors.add(phase + ", connection " + n + ": " + e);
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        return failures.get();
    }

    private static void exchange(Socket s, String text) throws IOException {
        byte[] line = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        s.getOutputStream().write(line);
        byte[] back = s.getInputStream().readNBytes(line.length);
        if (!Arrays.equals(line, back)) {
            throw new IOException("sent " + text.strip() + ", got back " + new String(back, StandardCharsets.US_ASCII).strip());
        }
    }
}

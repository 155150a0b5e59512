package dev.privet.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dnsperf (Debian's package) against one server on 127.0.0.1: the query file, the command, and what its statistics
 * say. dnsperf's own defaults hold for everything not named here (UDP, no EDNS, at most 100 queries outstanding, no
 * rate limit, a 5 s timeout after which a query counts as lost, 1 thread).
 */
final class Dnsperf {
    /** The queries' order: the same on every run of the benchmark. */
    static final long SEED = 20_240_601L;

    /** What one run printed. Latencies in ms. */
    record Result(String server, long sent, long completed, long lost, String responseCodes, double runSeconds,
                  double queriesPerSecond, double averageMs, double minMs, double maxMs, double stddevMs) {

        /** No query lost, and every answer NOERROR. */
        boolean clean() {
            return lost == 0 && completed == sent && responseCodes.matches("NOERROR \\d+ \\(100\\.00%\\)");
        }
    }

    private static final Pattern SENT = Pattern.compile("Queries sent:\\s+(\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Queries completed:\\s+(\\d+)");
    private static final Pattern LOST = Pattern.compile("Queries lost:\\s+(\\d+)");
    private static final Pattern CODES = Pattern.compile("Response codes:\\s+(.*)");
    private static final Pattern RUN_TIME = Pattern.compile("Run time \\(s\\):\\s+([0-9.]+)");
    private static final Pattern QPS = Pattern.compile("Queries per second:\\s+([0-9.]+)");
    private static final Pattern LATENCY = Pattern.compile(
            "Average Latency \\(s\\):\\s+([0-9.]+) \\(min ([0-9.]+), max ([0-9.]+)\\)");
    private static final Pattern STDDEV = Pattern.compile("Latency StdDev \\(s\\):\\s+([0-9.]+)");

    private final String binary;
    private final Path queries;
    private final Path dir;
    private final int clients;

    private Dnsperf(String binary, Path queries, Path dir, int clients) {
        this.binary = binary;
        this.queries = queries;
        this.dir = dir;
        this.clients = clients;
    }

    /** Writes the query file into {@code dir}: every name once, {@code <name> A}, shuffled with {@link #SEED}. */
    static Dnsperf over(String binary, Path dir, List<PublishedNames.Name> names, int clients) throws IOException {
        List<String> lines = new ArrayList<>(names.stream().map(n -> n.name() + " A").toList());
        Collections.shuffle(lines, new Random(SEED));
        Path queries = dir.resolve("queries.txt");
        Files.write(queries, lines);
        return new Dnsperf(binary, queries, dir, clients);
    }

    List<String> command(int port, int seconds) {
        return List.of(binary, "-s", "127.0.0.1", "-p", Integer.toString(port), "-d", queries.toString(),
                "-c", Integer.toString(clients), "-l", Integer.toString(seconds));
    }

    /** One run; its whole output is kept in the run's folder as {@code dnsperf-<label>.txt}. */
    Result run(String server, int port, int seconds, String label) throws Exception {
        List<String> command = command(port, seconds);
        Path output = dir.resolve("dnsperf-" + label + ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("dnsperf did not finish: " + String.join(" ", command));
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        Matcher latency = LATENCY.matcher(out);
        if (p.exitValue() != 0 || !latency.find()) {
            throw new IllegalStateException("dnsperf failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                    + "\n" + tail(out));
        }
        return new Result(server, number(SENT, out), number(COMPLETED, out), number(LOST, out), text(CODES, out),
                decimal(RUN_TIME, out), decimal(QPS, out), 1000 * Double.parseDouble(latency.group(1)),
                1000 * Double.parseDouble(latency.group(2)), 1000 * Double.parseDouble(latency.group(3)),
                1000 * decimal(STDDEV, out));
    }

    private static String text(Pattern p, String out) {
        Matcher m = p.matcher(out);
        return m.find() ? m.group(1).trim() : "(none)";
    }

    private static long number(Pattern p, String out) {
        Matcher m = p.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static double decimal(Pattern p, String out) {
        Matcher m = p.matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String tail(String out) {
        String[] lines = out.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 30), lines.length));
    }
}

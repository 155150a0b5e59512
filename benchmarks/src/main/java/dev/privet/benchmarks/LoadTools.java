package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clients: iperf3 for bulk throughput and wrk for HTTP requests, each run as a child this driver waits for (so
 * {@link CpuMeter#watchWaitedChildren} counts their CPU), its output kept in the run's folder.
 */
final class LoadTools {
    /** What one run measured: its rate, and what went wrong (nothing, for a clean run). */
    record Result(double rate, String problems) {
        boolean clean() {
            return problems.isEmpty();
        }
    }

    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final String iperf3;
    private final String wrk;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    LoadTools(String iperf3, String wrk, Path dir) {
        this.iperf3 = iperf3;
        this.wrk = wrk;
        this.dir = dir;
    }

    List<String> iperfCommand(String host, int port, int streams, int seconds) {
        return List.of(iperf3, "-c", host, "-p", Integer.toString(port), "-P", Integer.toString(streams),
                "-t", Integer.toString(seconds), "-J");
    }

    /** Runs an {@link #iperfCommand}: Gbit/s the receiver counted. */
    Result iperf(List<String> command, int seconds, String label) throws Exception {
        JsonNode report = json.readTree(run(command, label, seconds));
        // iperf3's server takes one test at a time, and may still be ending the last one: try again, as it asks
        for (int tries = 1; tries < 10 && report.path("error").asText("").contains("server is busy"); tries++) {
            Thread.sleep(500);
            report = json.readTree(run(command, label, seconds));
        }
        String error = report.path("error").asText("");
        double bits = report.path("end").path("sum_received").path("bits_per_second").asDouble(0);
        return new Result(bits / 1e9, !error.isEmpty() ? error : bits == 0 ? "no bytes received" : "");
    }

    List<String> wrkCommand(String host, int port, int threads, int connections, int seconds, boolean close) {
        List<String> c = new ArrayList<>(List.of(wrk, "-t" + threads, "-c" + connections, "-d" + seconds + "s"));
        if (close) {
            c.addAll(List.of("-H", "Connection: close"));
        }
        c.add("http://" + host + ":" + port + Backends.FILE);
        return c;
    }

    /** Runs a {@link #wrkCommand}: requests/s; any socket error or answer but 2xx is a problem. */
    Result wrk(List<String> command, int seconds, String label) throws Exception {
        String out = run(command, label, seconds);
        Matcher rate = WRK_RATE.matcher(out);
        if (!rate.find()) {
            return new Result(0, "no Requests/sec in wrk's output: " + out.strip());
        }
        StringBuilder problems = new StringBuilder();
        Matcher errors = WRK_SOCKET_ERRORS.matcher(out);
        if (errors.find()) {
            problems.append(errors.group());
        }
        Matcher non2xx = WRK_NON_2XX.matcher(out);
        if (non2xx.find()) {
            problems.append(problems.isEmpty() ? "" : "; ").append(non2xx.group());
        }
        return new Result(Double.parseDouble(rate.group(1)), problems.toString());
    }

    private String run(List<String> command, String label, int seconds) throws Exception {
        Path log = dir.resolve(label + ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + (seconds + 30) + " s");
        }
        return Files.readString(log);
    }
}

package dev.privet.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * DNS queries per second and latency of Privet's DNS server, side by side in one run with Unbound serving the same
 * records on the same machine, both measured by dnsperf:
 * <ol>
 *   <li>names: the A records the dns-service publishes (its published endpoints' records); when there are fewer than
 *       {@code --names}, endpoints are made through the gateway until there are enough ({@link PublishedNames});</li>
 *   <li>Unbound on a free port with exactly those records ({@link UnboundServer}), and a check that both servers
 *       answer every name with its published addresses, and an unknown name with NXDOMAIN and the SOA
 *       ({@link DnsProbe});</li>
 *   <li>one untimed warm-up of each, then {@code --runs} pairs, Privet then Unbound, so each pair runs under the same
 *       load: dnsperf over every name, shuffled ({@link Dnsperf}); CPU of each server and of dnsperf from /proc.</li>
 * </ol>
 * Any lost query, and any answer but NOERROR, is a failure: reported, and the exit status is 1. Usage: {@code java
 * -cp privet-benchmarks.jar dev.privet.benchmarks.DnsBenchmark [--flag=value ...]}; flags in {@link Config} and
 * docs/benchmarks.md.
 */
public final class DnsBenchmark {

    record Config(String gateway, int pgPort, int dnsPort, Map<String, Long> pids, Path clusterDir, Path out, int names,
                  int runs, int seconds, int clients, int warmupSeconds, String dnsperf, String unbound) {

        static final Map<String, String> DEFAULTS = defaults();

        private static Map<String, String> defaults() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("names", "1010");                      // names queried (endpoints are made until as many are published)
            d.put("runs", "3");                          // pairs of runs: Privet, then Unbound
            d.put("seconds", "10");                      // dnsperf -l of each run
            d.put("clients", "4");                       // dnsperf -c: clients, each its own socket
            d.put("warmup-seconds", "2");                // dnsperf -l of the untimed warm-up of each server (0: none)
            d.put("cluster", "");                        // the cluster's data folder: ports and pids from cluster.properties
            d.put("gateway", "http://127.0.0.1:8080");   // the gateway's base URL
            d.put("pg-port", "15432");                   // the cluster's PostgreSQL on 127.0.0.1, user postgres
            d.put("dns-port", "1053");                   // Privet's DNS server on 127.0.0.1
            d.put("out", "");                            // the run's folder (default benchmarks/target/dns-<time>)
            d.put("dnsperf", "dnsperf");                 // the binaries
            d.put("unbound", "unbound");
            return Collections.unmodifiableMap(d);
        }

        static Config parse(String[] args) {
            Flags flags = Flags.parse(args, DEFAULTS);
            Path clusterDir = flags.text("cluster").isBlank() ? null : Path.of(flags.text("cluster"));
            String gateway = flags.text("gateway");
            int pgPort = flags.integer("pg-port");
            int dnsPort = flags.integer("dns-port");
            Map<String, Long> pids = new LinkedHashMap<>(); // measured for CPU: the dns-service, and PostgreSQL it reads
            if (clusterDir != null) { // the cluster's own word on where it listens, unless a flag says otherwise
                Properties state = ClusterState.require(clusterDir);
                if (!flags.given("gateway") && state.getProperty("service.gateway.port") != null) {
                    gateway = "http://127.0.0.1:" + state.getProperty("service.gateway.port");
                }
                if (!flags.given("pg-port") && state.getProperty("postgres.port") != null) {
                    pgPort = Integer.parseInt(state.getProperty("postgres.port"));
                }
                if (!flags.given("dns-port") && state.getProperty("dns.port") != null) {
                    dnsPort = Integer.parseInt(state.getProperty("dns.port"));
                }
                for (String[] part : List.of(new String[]{"privet", "service.dns-service.pid"},
                        new String[]{"postgres", "postgres.pid"})) {
                    String pid = state.getProperty(part[1]);
                    if (pid != null && !pid.isBlank()) {
                        pids.put(part[0], Long.parseLong(pid.trim()));
                    }
                }
            }
            Flags.requireLoopback("--gateway", URI.create(gateway).getHost());
            Path out = flags.text("out").isBlank()
                    ? Path.of("benchmarks", "target", "dns-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                    : Path.of(flags.text("out"));
            Config c = new Config(gateway, pgPort, dnsPort, Map.copyOf(pids), clusterDir, out.toAbsolutePath(), flags.integer("names"),
                    flags.integer("runs"), flags.integer("seconds"), flags.integer("clients"),
                    flags.integer("warmup-seconds"), flags.text("dnsperf"), flags.text("unbound"));
            if (c.names < 1 || c.runs < 1 || c.seconds < 1 || c.clients < 1 || c.warmupSeconds < 0) {
                throw new IllegalArgumentException("--names, --runs, --seconds and --clients must be at least 1, "
                        + "--warmup-seconds at least 0");
            }
            return c;
        }
    }

    /** A server under test. */
    record Server(String label, int port) {
    }

    /** One dnsperf run and the CPU seconds of the processes measured during it. */
    record Run(Dnsperf.Result result, Map<String, Double> cpuSeconds) {
        double cpuMicrosPerQuery(String process) {
            return result.completed() == 0 ? 0 : 1e6 * cpuSeconds.getOrDefault(process, 0.0) / result.completed();
        }

        double coresBusy(String process) {
            return cpuSeconds.getOrDefault(process, 0.0) / result.runSeconds();
        }
    }

    private final Config config;
    private final List<String> failures = new ArrayList<>();

    private DnsBenchmark(Config config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        DnsBenchmark bench = new DnsBenchmark(config);
        long begin = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        System.out.printf("Privet DNS benchmark: %,d names, %d pairs of dnsperf runs (Privet, then Unbound) of %d s with "
                        + "%d clients, after a warm-up of %d s each%n", config.names, config.runs, config.seconds,
                config.clients, config.warmupSeconds);
        System.out.println("targets: Privet's DNS server 127.0.0.1:" + config.dnsPort + ", gateway " + config.gateway
                + ", PostgreSQL 127.0.0.1:" + config.pgPort + (config.clusterDir == null ? "" : ", cluster " + config.clusterDir));
        System.out.println("machine: " + Machine.describe());
        System.out.println("load average before: " + loadBefore);
        System.out.println("output: " + config.out);
        Files.createDirectories(config.out);

        List<PublishedNames.Name> names = new PublishedNames(new Gateway(config.gateway), config.pgPort).atLeast(config.names);
        long records = names.stream().mapToLong(n -> n.addresses().size()).sum();
        Dnsperf dnsperf = Dnsperf.over(config.dnsperf, config.out, names, config.clients);
        List<Run> privet = new ArrayList<>();
        List<Run> unbound = new ArrayList<>();
        try (UnboundServer peer = UnboundServer.start(config.unbound, config.out, names)) {
            System.out.printf("unbound: pid %d on 127.0.0.1:%d, one thread, %,d names (%,d A records) as local data; "
                    + "%s%n", peer.pid(), peer.port(), names.size(), records, config.out.resolve("unbound.conf"));
            Server ours = new Server("privet", config.dnsPort);
            Server theirs = new Server("unbound", peer.port());
            bench.check(new DnsProbe(ours.label, ours.port), names);
            bench.check(new DnsProbe(theirs.label, theirs.port), names);
            CpuMeter cpu = new CpuMeter();
            config.pids.forEach(cpu::watch);
            cpu.watch("unbound", peer.pid()).watchWaitedChildren("dnsperf").watch("bench", ProcessHandle.current().pid());
            System.out.println("processes measured for CPU: " + cpu.describe());
            System.out.println("dnsperf: " + String.join(" ", dnsperf.command(ours.port, config.seconds)) + "   (and -p "
                    + theirs.port + " for Unbound)");
            if (config.warmupSeconds > 0) {
                for (Server server : List.of(ours, theirs)) {
                    bench.print("warm-up", bench.measure(dnsperf, cpu, server, config.warmupSeconds, "warmup-" + server.label));
                }
            }
            for (int i = 1; i <= config.runs; i++) {
                String run = "run " + i + "/" + config.runs;
                privet.add(bench.print(run, bench.measure(dnsperf, cpu, ours, config.seconds, ours.label + "-" + i)));
                unbound.add(bench.print(run, bench.measure(dnsperf, cpu, theirs, config.seconds, theirs.label + "-" + i)));
            }
        }
        String loadAfter = Machine.loadAverage();
        System.out.println();
        bench.report(names.size(), privet, unbound);
        System.out.println();
        System.out.println("load average before: " + loadBefore);
        System.out.println("load average after:  " + loadAfter);
        RunEnd.exit(begin, bench.failures);
    }

    /** Both servers must answer every name as published before anything is timed. */
    private void check(DnsProbe probe, List<PublishedNames.Name> names) {
        List<String> differences = probe.differences(names);
        System.out.printf("check: %s answers %,d of %,d names as published, and the unknown name with NXDOMAIN and the "
                + "SOA%s%n", probe.label(), names.size() - differences.stream().filter(d -> !d.startsWith(DnsProbe.UNKNOWN))
                .count(), names.size(), differences.isEmpty() ? "" : ": NO, " + differences.size() + " differences");
        differences.stream().limit(5).forEach(d -> System.out.println("    " + d));
        differences.forEach(d -> failures.add(probe.label() + " answers wrongly: " + d));
    }

    private Run measure(Dnsperf dnsperf, CpuMeter cpu, Server server, int seconds, String label) throws Exception {
        Map<String, Long> before = cpu.sample();
        Dnsperf.Result result = dnsperf.run(server.label, server.port, seconds, label);
        Run run = new Run(result, cpu.since(before));
        if (!result.clean()) {
            failures.add(String.format("%s (%s): %,d of %,d queries lost, response codes %s", server.label, label,
                    result.lost(), result.sent(), result.responseCodes()));
        }
        return run;
    }

    private Run print(String name, Run run) {
        Dnsperf.Result r = run.result;
        System.out.printf("%-11s %-8s %,9.0f queries/s; %,d sent, %,d lost; latency avg %.3f ms (min %.3f, max %.3f, "
                        + "stddev %.3f); %s; CPU µs/query: server %.1f, postgres %.1f, dnsperf %.1f%s%n", name, r.server(),
                r.queriesPerSecond(), r.sent(), r.lost(), r.averageMs(), r.minMs(), r.maxMs(), r.stddevMs(),
                r.responseCodes(), run.cpuMicrosPerQuery(r.server()), run.cpuMicrosPerQuery("postgres"),
                run.cpuMicrosPerQuery("dnsperf"),
                r.clean() ? "" : "   <-- FAILED: lost or not NOERROR");
        return run;
    }

    private void report(int names, List<Run> privet, List<Run> unbound) {
        System.out.printf("DNS A queries, dnsperf -c %d -l %d over %,d names: median (min-max) of %d runs, Privet and "
                + "Unbound alternating%n", config.clients, config.seconds, names, privet.size());
        String head = "%-8s %-28s %6s %-22s %-22s %-18s %-18s %-16s %-16s%n";
        System.out.printf(head, "server", "queries/s", "lost", "latency avg ms", "latency max ms", "CPU µs/query",
                "postgres µs/query", "cores: server", "cores: dnsperf");
        for (List<Run> runs : List.of(privet, unbound)) {
            String server = runs.getFirst().result.server();
            System.out.printf(head, server, Spread.of(runs, r -> r.result.queriesPerSecond(), "%,.0f"),
                    runs.stream().mapToLong(r -> r.result.lost()).sum(),
                    Spread.of(runs, r -> r.result.averageMs(), "%.3f"), Spread.of(runs, r -> r.result.maxMs(), "%.1f"),
                    Spread.of(runs, r -> r.cpuMicrosPerQuery(server), "%.1f"),
                    Spread.of(runs, r -> r.cpuMicrosPerQuery("postgres"), "%.1f"),
                    Spread.of(runs, r -> r.coresBusy(server), "%.2f"), Spread.of(runs, r -> r.coresBusy("dnsperf"), "%.2f"));
        }
        List<Integer> pairs = IntStream.range(0, privet.size()).boxed().toList();
        System.out.printf("Privet / Unbound queries/s, each pair: %s (target: at least 1.00, no query lost)%n",
                Spread.of(pairs, i -> privet.get(i).result.queriesPerSecond() / unbound.get(i).result.queriesPerSecond(), "%.2f"));
        System.out.printf("others (the machine less both servers, PostgreSQL, dnsperf and this driver), cores busy: %s%n",
                Spread.of(Stream.concat(privet.stream(), unbound.stream()).toList(), r -> r.coresBusy("others"), "%.2f"));
        System.out.println("(lost: the sum over the runs; latency as dnsperf measures it, send to answer; CPU from /proc "
                + "during each run, per query completed; postgres: all of the cluster's PostgreSQL, which Privet's server "
                + "reads and the other services poll)");
    }
}

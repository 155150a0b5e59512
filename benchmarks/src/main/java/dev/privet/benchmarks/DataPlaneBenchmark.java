package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Privet's data plane against direct loopback and HAProxy, side by side in one run on the same backends:
 * <ol>
 *   <li>through the gateway, a provider network load balancer with one listener per backend port (each to a target
 *       group of one {@code ip} target on 127.0.0.1), an endpoint service on it open to the consumer, and a consumer
 *       endpoint; once it is {@code available}, its interface's data plane address;</li>
 *   <li>the backends ({@link Backends}: iperf3's server, nginx with a 1 KiB file, an echo server) and HAProxy in
 *       {@code mode tcp} on its own loopback address ({@link Haproxy}), and a check that every path serves;</li>
 *   <li>an untimed warm-up, then {@code --runs} rounds; each round runs every test on the three paths one after the
 *       other (direct, HAProxy, Privet), so that the three of a round share the machine's load: iperf3 with each
 *       {@code --streams}, wrk with keep-alive, and wrk with a new connection per request; CPU of each forwarder,
 *       of the backends and of the clients from /proc, and where in network-service it went, by thread;</li>
 *   <li>{@code --connections} connections held idle at once through Privet, then HAProxy ({@link IdleConnections}):
 *       every one must exchange bytes when opened and after the hold; resident memory per idle connection.</li>
 * </ol>
 * Any failed run, error or lost connection is a failure: reported, and the exit status is 1. Usage: {@code java -cp
 * privet-benchmarks.jar dev.privet.benchmarks.DataPlaneBenchmark [--flag=value ...]}; flags in {@link Config} and
 * docs/benchmarks.md.
 */
public final class DataPlaneBenchmark {

    record Config(String gateway, Path clusterDir, long networkPid, Path out, int runs, int seconds, int warmupSeconds,
                  List<Integer> streams, int wrkThreads, int wrkConnections, int connections, int openParallel,
                  int holdSeconds, Backends.Ports ports, String haproxyAddress, int timeoutSeconds, int nginxWorkers,
                  String iperf3, String wrk, String haproxy, String nginx) {

        static final Map<String, String> DEFAULTS = defaults();

        private static Map<String, String> defaults() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("runs", "3");                          // rounds: every test on every path, direct, HAProxy, Privet
            d.put("seconds", "10");                      // each iperf3 and wrk run
            d.put("warmup-seconds", "5");                // each test on each path, untimed, before the rounds (0: none)
            d.put("streams", "1,4");                     // iperf3 -P of the throughput tests, one test each
            d.put("wrk-threads", "2");                   // wrk -t
            d.put("wrk-connections", "50");              // wrk -c
            d.put("connections", "10000");               // held idle at once through each forwarder (0: no such test)
            d.put("open-parallel", "200");               // connections being opened at once
            d.put("hold-seconds", "10");                 // how long they are held idle before memory is read
            d.put("iperf-port", "5201");                 // the backends' ports on 127.0.0.1, and the listeners'
            d.put("http-port", "8090");
            d.put("echo-port", "7007");
            d.put("haproxy-address", "127.0.0.2");       // where HAProxy listens, on the same ports
            d.put("nginx-workers", "1");                 // nginx worker_processes
            d.put("timeout", "120");                     // seconds the endpoint may take to become available
            d.put("cluster", "");                        // the cluster's data folder: gateway port, network-service's pid
            d.put("gateway", "http://127.0.0.1:8080");   // the gateway's base URL
            d.put("network-pid", "");                    // network-service's pid (default: from the cluster's folder)
            d.put("out", "");                            // the run's folder (default benchmarks/target/dataplane-<time>)
            d.put("iperf3", "iperf3");                   // the binaries
            d.put("wrk", "wrk");
            d.put("haproxy", "haproxy");
            d.put("nginx", "nginx");
            return Collections.unmodifiableMap(d);
        }

        static Config parse(String[] args) {
            Flags flags = Flags.parse(args, DEFAULTS);
            Path clusterDir = flags.text("cluster").isBlank() ? null : Path.of(flags.text("cluster"));
            String gateway = flags.text("gateway");
            String networkPid = flags.text("network-pid");
            if (clusterDir != null) { // the cluster's own word, unless a flag says otherwise
                Properties state = ClusterState.require(clusterDir);
                if (!flags.given("gateway") && state.getProperty("service.gateway.port") != null) {
                    gateway = "http://127.0.0.1:" + state.getProperty("service.gateway.port");
                }
                if (!flags.given("network-pid")) {
                    networkPid = state.getProperty("service.network-service.pid", "").trim();
                }
            }
            if (networkPid.isBlank()) {
                throw new IllegalArgumentException("network-service's pid is needed for its CPU and memory: pass "
                        + "--cluster=<data folder> or --network-pid=<pid>");
            }
            Flags.requireLoopback("--gateway", URI.create(gateway).getHost());
            Flags.requireLoopback("--haproxy-address", flags.text("haproxy-address"));
            Path out = flags.text("out").isBlank()
                    ? Path.of("benchmarks", "target", "dataplane-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                    : Path.of(flags.text("out"));
            List<Integer> streams = Arrays.stream(flags.text("streams").split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
            Config c = new Config(gateway, clusterDir, Long.parseLong(networkPid), out.toAbsolutePath(),
                    flags.integer("runs"), flags.integer("seconds"), flags.integer("warmup-seconds"), streams,
                    flags.integer("wrk-threads"), flags.integer("wrk-connections"), flags.integer("connections"),
                    flags.integer("open-parallel"), flags.integer("hold-seconds"),
                    new Backends.Ports(flags.integer("iperf-port"), flags.integer("http-port"), flags.integer("echo-port")),
                    flags.text("haproxy-address"), flags.integer("timeout"), flags.integer("nginx-workers"),
                    flags.text("iperf3"), flags.text("wrk"), flags.text("haproxy"), flags.text("nginx"));
            if (c.runs < 1 || c.seconds < 1 || c.warmupSeconds < 0 || c.wrkThreads < 1 || c.wrkConnections < c.wrkThreads
                    || c.connections < 0 || c.openParallel < 1 || c.holdSeconds < 0 || c.nginxWorkers < 1
                    || c.streams.stream().anyMatch(s -> s < 1)) {
                throw new IllegalArgumentException("--runs, --seconds, --open-parallel, --nginx-workers, --wrk-threads and "
                        + "each of --streams must be at least 1, --wrk-connections at least --wrk-threads, the others at least 0");
            }
            return c;
        }
    }

    /** A way to the backends: straight to 127.0.0.1, or through a forwarder's address (pid 0: none). */
    record Route(String label, String host, long pid) {
    }

    /** A test: the client's command on a route, what reads its output, in what unit. */
    record Test(String name, String unit, String format, Command command, Reader reader) {
    }

    interface Command {
        List<String> on(Route route, int seconds);
    }

    interface Reader {
        LoadTools.Result run(List<String> command, int seconds, String label) throws Exception;
    }

    /** One run of a test on a route: what it measured, and the CPU seconds of each process measured meanwhile. */
    record Run(Test test, Route route, LoadTools.Result result, Map<String, Double> cpuSeconds, double seconds) {
        /** Cores the route's forwarder kept busy (0 for the direct route). */
        double forwarderCores() {
            return cpuSeconds.getOrDefault(route.label, 0.0) / seconds;
        }

        /** The rate per core of forwarder: what its CPU buys. */
        double ratePerCore() {
            return forwarderCores() == 0 ? 0 : result.rate() / forwarderCores();
        }
    }

    private static final String DIRECT = "direct";
    private static final String HAPROXY = "haproxy";
    private static final String PRIVET = "privet";

    private final Config config;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Map<String, Long>> privetThreads = new LinkedHashMap<>(); // per test, summed over runs

    private DataPlaneBenchmark(Config config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        DataPlaneBenchmark bench = new DataPlaneBenchmark(config);
        long begin = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        System.out.printf("Privet data plane benchmark: %d rounds of %d s runs (direct, HAProxy, Privet), after a warm-up "
                + "of %d s each; then %,d idle connections through each forwarder%n", config.runs, config.seconds,
                config.warmupSeconds, config.connections);
        System.out.println("gateway " + config.gateway + ", network-service pid " + config.networkPid
                + (config.clusterDir == null ? "" : ", cluster " + config.clusterDir));
        System.out.println("machine: " + Machine.describe());
        System.out.println("load average before: " + loadBefore);
        System.out.println("output: " + config.out);
        Files.createDirectories(config.out);

        String dataPlane = bench.endpoint(new Gateway(config.gateway));
        List<Run> runs = new ArrayList<>();
        List<IdleConnections.Outcome> holds = new ArrayList<>();
        try (Backends backends = Backends.start(config.ports, config.out, config.iperf3, config.nginx, config.nginxWorkers);
             Daemon haproxy = Haproxy.start(config.haproxy, config.out, config.haproxyAddress, config.ports,
                     config.connections + 1_000)) {
            System.out.printf("backends on %s: iperf3 -s :%d, nginx (%d worker%s, %s) :%d, echo :%d; HAProxy %s (pid %d, "
                            + "%s)%n", Backends.HOST, config.ports.iperf(), config.nginxWorkers, config.nginxWorkers > 1 ? "s" : "",
                    config.out.resolve("nginx.conf"), config.ports.http(), config.ports.echo(), config.haproxyAddress,
                    haproxy.pid(), config.out.resolve("haproxy.cfg"));
            List<Route> routes = List.of(new Route(DIRECT, Backends.HOST, 0),
                    new Route(HAPROXY, config.haproxyAddress, haproxy.pid()), new Route(PRIVET, dataPlane, config.networkPid));
            for (Route route : routes) {
                bench.check(route);
            }
            CpuMeter cpu = new CpuMeter().watch(PRIVET, config.networkPid).watch(HAPROXY, haproxy.pid());
            backends.daemons().forEach(d -> cpu.watch(d.name(), d.pid()));
            cpu.watchWaitedChildren("clients").watch("bench", ProcessHandle.current().pid());
            System.out.println("processes measured for CPU: " + cpu.describe());
            LoadTools tools = new LoadTools(config.iperf3, config.wrk, config.out);
            List<Test> tests = bench.tests(tools);
            tests.forEach(t -> System.out.println(t.name + ": " + String.join(" ", t.command.on(routes.getLast(), config.seconds))
                    + "   (and on " + Backends.HOST + ", " + config.haproxyAddress + ")"));
            if (config.warmupSeconds > 0) {
                for (Test test : tests) {
                    for (Route route : routes) {
                        bench.print("warm-up", test, bench.measure(cpu, test, route, config.warmupSeconds,
                                "warmup-" + slug(test) + "-" + route.label));
                    }
                }
            }
            for (int i = 1; i <= config.runs; i++) {
                for (Test test : tests) {
                    for (Route route : routes) {
                        runs.add(bench.print("run " + i + "/" + config.runs, test,
                                bench.measure(cpu, test, route, config.seconds, slug(test) + "-" + route.label + "-" + i)));
                    }
                }
            }
            if (config.connections > 0) {
                holds.add(bench.hold(routes.getLast()));
                holds.add(bench.hold(routes.get(1)));
            }
            String loadAfter = Machine.loadAverage();
            System.out.println();
            bench.report(tests, routes, runs, cpu);
            bench.reportHolds(holds);
            System.out.println();
            System.out.println("load average before: " + loadBefore);
            System.out.println("load average after:  " + loadAfter);
        }
        RunEnd.exit(begin, bench.failures);
    }

    /**
     * The provider's load balancer with a listener per backend port, each to a target group holding that backend;
     * an endpoint service on it; the consumer's endpoint, once available: its interface's data plane address.
     */
    private String endpoint(Gateway gateway) throws Exception {
        gateway.requireHealthy();
        Tenants tenants = new Tenants(gateway);
        Tenants.ProviderNetwork network = tenants.providerNetwork();
        String name = Tenants.loadBalancerName();
        String arn = gateway.post(Tenants.PROVIDER, "/v1/load-balancers", Map.of("name", name, "type", "network",
                "subnetIds", List.of(network.subnetId()))).path("loadBalancerArn").asText();
        for (int port : config.ports.all()) {
            String group = name + "-" + port;
            String groupArn = gateway.post(Tenants.PROVIDER, "/v1/target-groups", Map.of("name", group, "protocol", "TCP",
                    "port", port, "vpcId", network.vpcId(), "targetType", "ip")).path("targetGroupArn").asText();
            gateway.call("POST", Tenants.PROVIDER, "/v1/target-groups/" + group + "/targets",
                    Map.of("registerTargets", List.of(Map.of("id", Backends.HOST, "port", port))), 200);
            gateway.post(Tenants.PROVIDER, "/v1/load-balancers/" + name + "/listeners",
                    Map.of("protocol", "TCP", "port", port, "targetGroupArn", groupArn));
        }
        String serviceName = tenants.openService(arn);
        Tenants.ConsumerVpc vpc = tenants.consumerVpc(1);
        String id = gateway.post(Tenants.CONSUMER, "/v1/vpc-endpoints", Map.of("serviceName", serviceName,
                "vpcId", vpc.vpcId(), "subnetIds", List.of(vpc.subnetIds().getFirst()))).path("vpcEndpointId").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.timeoutSeconds);
        String state = "pending";
        while (!state.equals("available")) {
            if (System.nanoTime() > deadline || List.of("failed", "rejected", "deleted").contains(state)) {
                throw new IllegalStateException("endpoint " + id + " is " + state + ", not available, after "
                        + config.timeoutSeconds + " s at most");
            }
            Thread.sleep(100);
            state = gateway.call("GET", Tenants.CONSUMER, "/v1/vpc-endpoints/" + id, null, 200).path("state").asText();
        }
        JsonNode interfaces = gateway.call("GET", Tenants.CONSUMER, "/v1/network-interfaces?vpcEndpointId=" + id, null, 200);
        String address = interfaces.path(0).path("dataPlaneAddress").asText("");
        if (address.isEmpty()) {
            throw new IllegalStateException("endpoint " + id + " is available but its interface has no dataPlaneAddress: "
                    + interfaces);
        }
        System.out.printf("endpoint %s is available; listeners %s on its data plane address %s%n", id,
                config.ports.all(), address);
        return address;
    }

    private List<Test> tests(LoadTools tools) {
        List<Test> tests = new ArrayList<>();
        for (int streams : config.streams) {
            tests.add(new Test("iperf3 -P " + streams, "Gbit/s", "%.2f", (route, seconds) ->
                    tools.iperfCommand(route.host, config.ports.iperf(), streams, seconds), tools::iperf));
        }
        for (boolean close : List.of(false, true)) {
            tests.add(new Test(close ? "HTTP connection per request" : "HTTP keep-alive", "requests/s", "%,.0f",
                    (route, seconds) -> tools.wrkCommand(route.host, config.ports.http(), config.wrkThreads,
                            config.wrkConnections, seconds, close), tools::wrk));
        }
        return tests;
    }

    private static String slug(Test test) {
        return test.name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** Every route must serve the 1 KiB file and echo before anything is timed. */
    private void check(Route route) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://" + route.host + ":"
                + config.ports.http() + Backends.FILE)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || r.body().length != Backends.FILE_BYTES) {
            throw new IllegalStateException(route.label + " (" + route.host + ") answered " + r.statusCode() + " with "
                    + r.body().length + " bytes for " + Backends.FILE + ", not 200 with " + Backends.FILE_BYTES);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(route.host, config.ports.echo()), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write("check\n".getBytes(StandardCharsets.US_ASCII));
            String back = new String(s.getInputStream().readNBytes(6), StandardCharsets.US_ASCII);
            if (!back.equals("check\n")) {
                throw new IOException("the echo through " + route.label + " came back as '" + back + "'");
            }
        }
        System.out.println("check: " + route.label + " (" + route.host + ") serves " + Backends.FILE + " and echoes");
    }

    private Run measure(CpuMeter cpu, Test test, Route route, int seconds, String label) throws Exception {
        Map<String, Long> threads = ThreadCpu.sample(config.networkPid);
        Map<String, Long> before = cpu.sample();
        long t0 = System.nanoTime();
        LoadTools.Result result = test.reader.run(test.command.on(route, seconds), seconds, label);
        Run run = new Run(test, route, result, cpu.since(before), (System.nanoTime() - t0) / 1e9);
        if (route.label.equals(PRIVET) && !label.startsWith("warmup")) {
            ThreadCpu.since(config.networkPid, threads).forEach((name, ticks) ->
                    privetThreads.computeIfAbsent(test.name, t -> new HashMap<>()).merge(name, ticks, Long::sum));
        }
        if (!result.clean()) {
            failures.add(test.name + " " + route.label + " (" + label + "): " + result.problems());
        }
        return run;
    }

    private Run print(String name, Test test, Run run) {
        System.out.printf("%-9s %-28s %-7s %12s %-10s forwarder %.2f cores; nginx %.2f, iperf3 -s %.2f, clients %.2f, "
                        + "others %.2f%s%n", name, test.name, run.route.label, String.format(test.format, run.result.rate()),
                test.unit, run.forwarderCores(), core(run, "nginx"), core(run, "iperf3-server"), core(run, "clients"),
                core(run, "others"), run.result.clean() ? "" : "   <-- FAILED: " + run.result.problems());
        return run;
    }

    private static double core(Run run, String process) {
        return run.cpuSeconds.getOrDefault(process, 0.0) / run.seconds;
    }

    private void report(List<Test> tests, List<Route> routes, List<Run> runs, CpuMeter cpu) {
        System.out.printf("Median (min-max) of %d runs of %d s, the three routes alternating; forwarder cores: CPU seconds "
                + "of HAProxy or network-service per second; per core: the rate divided by them%n", config.runs, config.seconds);
        String head = "%-41s %-8s %-28s %-20s %-26s %-18s%n";
        System.out.printf(head, "test", "route", "rate", "forwarder cores", "rate per forwarder core", "others (cores)");
        for (Test test : tests) {
            for (Route route : routes) {
                List<Run> these = of(runs, test, route);
                System.out.printf(head, test.name + " (" + test.unit + ")", route.label,
                        Spread.of(these, r -> r.result.rate(), test.format),
                        route.pid == 0 ? "-" : Spread.of(these, Run::forwarderCores, "%.2f"),
                        route.pid == 0 ? "-" : Spread.of(these, Run::ratePerCore, test.format),
                        Spread.of(these, r -> core(r, "others"), "%.2f"));
            }
        }
        System.out.println();
        System.out.println("Ratios, each round's Privet run over that round's HAProxy and direct runs: median (min-max)");
        for (Test test : tests) {
            List<Run> direct = of(runs, test, routes.get(0));
            List<Run> haproxy = of(runs, test, routes.get(1));
            List<Run> privet = of(runs, test, routes.get(2));
            List<Integer> rounds = IntStream.range(0, privet.size()).boxed().toList();
            System.out.printf("%-28s Privet/HAProxy %s, Privet/direct %s, Privet/HAProxy per forwarder core %s%n", test.name,
                    Spread.of(rounds, i -> privet.get(i).result.rate() / haproxy.get(i).result.rate(), "%.2f"),
                    Spread.of(rounds, i -> privet.get(i).result.rate() / direct.get(i).result.rate(), "%.2f"),
                    Spread.of(rounds, i -> privet.get(i).ratePerCore() / haproxy.get(i).ratePerCore(), "%.2f"));
        }
        System.out.println("(targets: throughput at least 1.0x HAProxy's, connections per second at least 0.8x)");
        System.out.println();
        System.out.println("Where network-service's CPU went during the Privet runs, by thread (digits folded):");
        privetThreads.forEach((test, ticks) -> System.out.printf("%-28s %s%n", test, ThreadCpu.shares(ticks)));
        System.out.println("(processes measured: " + cpu.describe() + "; others: the machine less all of them)");
    }

    private static List<Run> of(List<Run> runs, Test test, Route route) {
        return runs.stream().filter(r -> r.test == test && r.route.equals(route)).toList();
    }

    private IdleConnections.Outcome hold(Route route) throws Exception {
        long needed = 2L * config.connections + 1_000; // each forwarded connection is two sockets
        long limit = Daemon.openFilesLimit(route.pid);
        if (limit >= 0 && limit < needed) {
            String advice = String.format("%s (pid %d) may open %,d files, and %,d connections need %,d: start the "
                    + "cluster from benchmarks/dataplane.sh, which raises ulimit -n first, or raise it in place with "
                    + "prlimit --pid %d --nofile=%d:%d", route.label, route.pid, limit, config.connections, needed,
                    route.pid, needed, needed);
            failures.add("idle connections through " + route.label + " not tried: " + advice);
            System.out.println("idle connections: " + advice);
            return new IdleConnections.Outcome(route.label, config.connections, 0, config.connections, List.of(advice),
                    0, 0, 0, 0);
        }
        IdleConnections.Outcome o = IdleConnections.hold(route.label, route.pid, new InetSocketAddress(route.host,
                config.ports.echo()), config.connections, config.openParallel, config.holdSeconds);
        System.out.printf("idle connections through %s: %,d of %,d held and exchanging after %d s idle, %,d errors; "
                        + "opened in %.1f s; RSS %,d KiB before, %,d KiB held (%.1f KiB per connection), %,d KiB after closing%n",
                o.forwarder(), o.held(), o.wanted(), config.holdSeconds, o.errors(), o.openSeconds(), o.rssBeforeKib(),
                o.rssHeldKib(), o.kibPerConnection(), o.rssClosedKib());
        o.firstErrors().forEach(e -> System.out.println("    " + e));
        if (o.errors() > 0 || o.held() < o.wanted()) {
            failures.add(String.format("idle connections through %s: %,d of %,d held, %,d errors", o.forwarder(), o.held(),
                    o.wanted(), o.errors()));
        }
        return o;
    }

    private void reportHolds(List<IdleConnections.Outcome> holds) {
        if (holds.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf("Idle connections held at once (to the echo backend, a line exchanged on opening and after %d s "
                + "idle), the forwarder's resident memory (VmRSS)%n", config.holdSeconds);
        String head = "%-8s %-14s %-8s %-12s %-16s %-16s %-20s %-16s%n";
        System.out.printf(head, "route", "held", "errors", "opened in", "RSS before KiB", "RSS held KiB",
                "KiB per connection", "RSS closed KiB");
        for (IdleConnections.Outcome o : holds) {
            System.out.printf(head, o.forwarder(), String.format("%,d/%,d", o.held(), o.wanted()), o.errors(),
                    String.format("%.1f s", o.openSeconds()), String.format("%,d", o.rssBeforeKib()),
                    String.format("%,d", o.rssHeldKib()), String.format("%.2f", o.kibPerConnection()),
                    String.format("%,d", o.rssClosedKib()));
        }
    }
}

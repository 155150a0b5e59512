package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast VPC endpoints reach {@code available} through the gateway of a running local cluster, as a client sees
 * it, beside the limits of the parts it runs on (the same Kafka broker, the same PostgreSQL):
 * <ol>
 *   <li>burst: N endpoints by C concurrent clients, each client creating one endpoint and polling it to
 *       {@code available} before creating the next; endpoints/s = N / (first create to last available);</li>
 *   <li>fixed rate: creations at R per second for D seconds (open loop: a creation starts on schedule whatever the
 *       earlier ones do), each polled to {@code available}; create-to-available p50, p99 and max;</li>
 *   <li>peers: a raw Kafka produce-to-consume round trip on the cluster's broker (one message in flight, then
 *       pipelined), and {@code pgbench} single-row insert commits on the cluster's PostgreSQL.</li>
 * </ol>
 * All endpoints of a mode are on ONE endpoint service (acceptance not required), a new one for each mode. Every target is on 127.0.0.1. Every loop is
 * bounded by a count and a deadline. Usage: {@code java -cp privet-benchmarks.jar
 * dev.privet.benchmarks.EndpointBenchmark [--flag=value ...]}; flags in {@link Config} and docs/benchmarks.md.
 */
public final class EndpointBenchmark {

    static final String PROVIDER = "111122223333";
    static final String CONSUMER = "444455556666";
    /** Addresses a /20 offers (4096 less AWS's five reserved), rounded down: endpoints per consumer subnet. */
    static final int ENDPOINTS_PER_SUBNET = 4_000;
    static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"};

    record Config(String gateway, String kafka, int pgPort, Path clusterDir, int n, int clients, int burstRuns,
                  int warmup, List<Integer> rates, int durationSeconds, int pollMillis, int timeoutSeconds,
                  double pollBackoff, boolean sharedService, int kafkaMessages, int kafkaPipelined,
                  int pgbenchSeconds, String pgbench, boolean peers, boolean endpoints) {

        static final Map<String, String> DEFAULTS = defaults();

        private static Map<String, String> defaults() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("gateway", "http://127.0.0.1:8080");   // the gateway's base URL
            d.put("kafka", "127.0.0.1:9092");            // the cluster's broker
            d.put("pg-port", "15432");                   // the cluster's PostgreSQL on 127.0.0.1, user postgres
            d.put("cluster", "");                        // the cluster's data folder: ports and pids from cluster.properties
            d.put("n", "300");                           // endpoints per burst run
            d.put("clients", "16");                      // concurrent clients in a burst
            d.put("burst-runs", "3");
            d.put("warmup", "");                         // endpoints of one untimed burst first (default: 3 n; 0: none)
            d.put("rates", "10,20,50");                  // fixed rates, creations per second ("" or 0: none)
            d.put("duration", "15");                     // seconds of each fixed rate
            d.put("poll-ms", "25");                      // between two GETs of one endpoint, at least
            d.put("poll-backoff", "0.05");               // ... and at most this fraction of the time waited so far
            d.put("shared-service", "false");            // true: one endpoint service for all modes, not one each
            d.put("timeout", "120");                     // seconds one endpoint may take to become available
            d.put("kafka-messages", "2000");             // round trips, one message in flight
            d.put("kafka-pipelined", "20000");           // messages produced back to back, then consumed
            d.put("pgbench-seconds", "5");               // per pgbench run (1 client, then C clients)
            d.put("pgbench", "pgbench");                 // the pgbench binary
            d.put("peers", "true");                      // false: skip Kafka and pgbench
            d.put("endpoints", "true");                  // false: only the peers
            return Collections.unmodifiableMap(d);
        }

        static Config parse(String[] args) throws IOException {
            Map<String, String> flags = new LinkedHashMap<>(DEFAULTS);
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                String[] kv = arg.substring(2).split("=", 2);
                if (!DEFAULTS.containsKey(kv[0])) {
                    throw new IllegalArgumentException("unknown flag --" + kv[0] + "; known: " + DEFAULTS.keySet());
                }
                flags.put(kv[0], kv.length == 2 ? kv[1] : "true");
            }
            Path clusterDir = flags.get("cluster").isBlank() ? null : Path.of(flags.get("cluster"));
            String gateway = flags.get("gateway");
            String kafka = flags.get("kafka");
            int pgPort = Integer.parseInt(flags.get("pg-port"));
            if (clusterDir != null) { // the cluster's own word on where it listens, unless a flag says otherwise
                Properties state = clusterState(clusterDir).orElseThrow(() -> new IllegalArgumentException(
                        "no " + clusterDir.resolve("cluster.properties") + ": is the cluster running with that data folder?"));
                boolean given = Arrays.stream(args).anyMatch(a -> a.startsWith("--gateway="));
                if (!given && state.getProperty("service.gateway.port") != null) {
                    gateway = "http://127.0.0.1:" + state.getProperty("service.gateway.port");
                }
                if (Arrays.stream(args).noneMatch(a -> a.startsWith("--kafka=")) && state.getProperty("kafka.bootstrap") != null) {
                    kafka = state.getProperty("kafka.bootstrap");
                }
                if (Arrays.stream(args).noneMatch(a -> a.startsWith("--pg-port=")) && state.getProperty("postgres.port") != null) {
                    pgPort = Integer.parseInt(state.getProperty("postgres.port"));
                }
            }
            requireLoopback("--gateway", URI.create(gateway).getHost());
            for (String server : kafka.split(",")) {
                requireLoopback("--kafka", server.substring(0, server.lastIndexOf(':')));
            }
            String rates = flags.get("rates").trim();
            List<Integer> rateList = rates.isEmpty() ? List.of() : Arrays.stream(rates.split(",")).map(String::trim)
                    .map(Integer::parseInt).filter(r -> r > 0).toList();
            Config c = new Config(gateway.replaceAll("/+$", ""), kafka, pgPort, clusterDir, intFlag(flags, "n"),
                    intFlag(flags, "clients"), intFlag(flags, "burst-runs"),
                    flags.get("warmup").isBlank() ? 3 * intFlag(flags, "n") : intFlag(flags, "warmup"), rateList,
                    intFlag(flags, "duration"), intFlag(flags, "poll-ms"), intFlag(flags, "timeout"),
                    Double.parseDouble(flags.get("poll-backoff")), Boolean.parseBoolean(flags.get("shared-service")),
                    intFlag(flags, "kafka-messages"), intFlag(flags, "kafka-pipelined"), intFlag(flags, "pgbench-seconds"),
                    flags.get("pgbench"), Boolean.parseBoolean(flags.get("peers")), Boolean.parseBoolean(flags.get("endpoints")));
            if (c.n < 1 || c.clients < 1 || c.pollMillis < 1 || c.timeoutSeconds < 1 || c.durationSeconds < 1) {
                throw new IllegalArgumentException("--n, --clients, --poll-ms, --timeout and --duration must be at least 1");
            }
            int largest = Math.max(Math.max(c.n, c.warmup), c.rates.stream().mapToInt(r -> r * c.durationSeconds).max().orElse(0));
            if (largest > 16 * ENDPOINTS_PER_SUBNET) {
                throw new IllegalArgumentException("at most " + 16 * ENDPOINTS_PER_SUBNET + " endpoints per run (16 /20 subnets in one /16)");
            }
            return c;
        }

        private static int intFlag(Map<String, String> flags, String name) {
            return Integer.parseInt(flags.get(name).replace("_", ""));
        }

        private static void requireLoopback(String flag, String host) {
            try {
                if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException(flag + " must name 127.0.0.1 (or localhost), not " + host);
                }
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(flag + ": unknown host " + host, e);
            }
        }
    }

    /** One mode's result: what a client saw. */
    record Outcome(String name, int attempted, int available, List<String> failures, double seconds,
                   Histogram createToAvailable, Histogram post, Histogram get, long polls, long maxLagMicros,
                   Map<String, Double> cpuSeconds, Map<String, Histogram> hops) {
        double rate() {
            return available / seconds;
        }
    }

    private final Config config;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CpuMeter cpu;
    private String serviceName;
    private String loadBalancerArn;
    private int endpointsOnService;
    private int vpcCounter;

    private EndpointBenchmark(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.cpu = new CpuMeter(config.clusterDir);
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        EndpointBenchmark bench = new EndpointBenchmark(config);
        long begin = System.nanoTime();
        String loadBefore = loadAverage();
        System.out.printf("Privet endpoint benchmark: burst %d runs of %,d endpoints by %d clients (+ warm-up of %d), "
                        + "fixed rates %s/s for %d s each, poll every %d ms (backoff %.2f of the time waited), timeout %d s, "
                        + "%s%n", config.burstRuns, config.n, config.clients, config.warmup, config.rates, config.durationSeconds,
                config.pollMillis, config.pollBackoff, config.timeoutSeconds,
                config.sharedService ? "one endpoint service for all modes" : "a new endpoint service for each mode");
        System.out.println("targets: gateway " + config.gateway + ", Kafka " + config.kafka + ", PostgreSQL 127.0.0.1:"
                + config.pgPort + (config.clusterDir == null ? "" : ", cluster " + config.clusterDir));
        System.out.println("machine: " + machine());
        System.out.println("processes measured for CPU: " + bench.cpu.describe());
        System.out.println("load average before: " + loadBefore);

        List<Peers> peers = new ArrayList<>();
        List<Outcome> bursts = new ArrayList<>();
        List<Outcome> fixed = new ArrayList<>();
        if (config.endpoints) { // the warm-up first: the services' JIT, pools and consumers settle before anything counts
            bench.setUp();
            if (config.warmup > 0) {
                bench.print(bench.burst("warm-up", config.warmup));
            }
        }
        // Each burst run right after its own measurement of the peers, on the idle cluster: the machine is shared, so
        // a ratio compares numbers taken under the same load.
        for (int run = 1; run <= config.burstRuns; run++) {
            if (config.peers) {
                Peers p = new Peers();
                bench.kafka(p);
                bench.pgbench(p);
                peers.add(p);
            }
            if (config.endpoints) {
                Outcome o = bench.burst("burst " + run + "/" + config.burstRuns, config.n);
                bench.print(o);
                bursts.add(o);
            }
        }
        if (config.endpoints) {
            for (int rate : config.rates) {
                Outcome o = bench.fixedRate(rate, config.durationSeconds);
                bench.print(o);
                fixed.add(o);
            }
        }
        String loadAfter = loadAverage();
        System.out.println();
        bench.report(bursts, fixed, peers);
        System.out.println();
        System.out.println("load average before: " + loadBefore);
        System.out.println("load average after:  " + loadAfter);
        System.out.printf("total time: %.0f s%n", (System.nanoTime() - begin) / 1e9);
        System.exit(0);
    }

    // ---------------------------------------------------------------- set-up: one service, open to the consumer

    private void setUp() throws Exception {
        JsonNode health = null;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.gateway + "/q/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the gateway's health at " + config.gateway + "/q/health is "
                        + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("no gateway answers at " + config.gateway + " (" + e
                    + "): start the cluster with ./privet up", e);
        }
        String vpc = post(PROVIDER, "/v1/vpcs", Map.of("cidrBlock", "10.0.0.0/16")).path("vpcId").asText();
        String subnet = post(PROVIDER, "/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "10.0.1.0/24",
                "availabilityZone", "us-east-1a")).path("subnetId").asText();
        loadBalancerArn = post(PROVIDER, "/v1/load-balancers", Map.of("name", "bench-" + UUID.randomUUID().toString().substring(0, 8), "type", "network",
                "subnetIds", List.of(subnet), "listeners", List.of(Map.of("protocol", "TCP", "port", 443)),
                "targets", List.of(Map.of("host", "127.0.0.1", "port", 8443)))).path("loadBalancerArn").asText();
        newService();
    }

    /**
     * An endpoint service on the provider's load balancer, acceptance not required, open to the consumer, once it
     * is Available. Each mode gets its own unless --shared-service: the provider decides each connection from the
     * service's whole stream, so a service's history is part of what a mode measures.
     */
    private void newService() throws Exception {
        String nlb = loadBalancerArn;
        JsonNode service = post(PROVIDER, "/v1/endpoint-services", Map.of("networkLoadBalancerArns", List.of(nlb),
                "acceptanceRequired", false));
        String serviceId = service.path("serviceId").asText();
        serviceName = service.path("serviceName").asText();
        call("POST", PROVIDER, "/v1/endpoint-services/" + serviceId + "/permissions",
                Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + CONSUMER + ":root")), 200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String state = service.path("serviceState").asText();
        while (!"Available".equals(state)) {
            if (System.nanoTime() > deadline || "Failed".equals(state)) {
                throw new IllegalStateException("endpoint service " + serviceId + " is " + state + ", not Available");
            }
            Thread.sleep(50);
            state = call("GET", PROVIDER, "/v1/endpoint-services/" + serviceId, null, 200).path("serviceState").asText();
        }
        System.out.println("endpoint service " + serviceId + " is Available");
        endpointsOnService = 0;
    }

    /** Before each mode: a new service, unless shared (then say how many endpoints it has had). */
    private void serviceFor(String mode) throws Exception {
        if (!config.sharedService && endpointsOnService > 0) {
            newService();
        } else if (endpointsOnService > 0) {
            System.out.printf("%s: the shared endpoint service has had %,d endpoints before%n", mode, endpointsOnService);
        }
    }

    /** A new consumer VPC (172.31.0.0/16) with enough /20 subnets for count endpoints, one subnet each. */
    private List<String> consumerSubnets(int count) throws Exception {
        String vpc = post(CONSUMER, "/v1/vpcs", Map.of("cidrBlock", "172.31.0.0/16")).path("vpcId").asText();
        vpcCounter++;
        int subnets = (count + ENDPOINTS_PER_SUBNET - 1) / ENDPOINTS_PER_SUBNET;
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < subnets; s++) {
            ids.add(post(CONSUMER, "/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "172.31." + (16 * s) + ".0/20",
                    "availabilityZone", ZONES[s % ZONES.length])).path("subnetId").asText());
        }
        return ids;
    }

    // ---------------------------------------------------------------- the two modes

    /** N endpoints by C clients; each client creates one, polls it to available, then takes the next. */
    private Outcome burst(String name, int n) throws Exception {
        serviceFor(name);
        endpointsOnService += n;
        List<String> subnets = consumerSubnets(n);
        String vpc = vpcOf(subnets);
        Run run = new Run(n);
        AtomicInteger next = new AtomicInteger();
        Map<String, Long> cpuBefore = cpu.sample();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos((long) config.timeoutSeconds * (n / config.clients + 1));
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < Math.min(config.clients, n); c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n && System.nanoTime() < deadline) {
                        follow(run, vpc, subnets.get(i % subnets.size()), System.nanoTime());
                    }
                });
            }
        }
        Map<String, Double> cpuSeconds = cpu.since(cpuBefore);
        return run.outcome(name, start, cpuSeconds, hops(run));
    }

    /** Creations on schedule at rate per second for the duration (open loop), each followed to available. */
    private Outcome fixedRate(int rate, int seconds) throws Exception {
        int n = rate * seconds;
        String name = String.format("fixed %d/s x %d s", rate, seconds);
        serviceFor(name);
        endpointsOnService += n;
        List<String> subnets = consumerSubnets(n);
        String vpc = vpcOf(subnets);
        Run run = new Run(n);
        Map<String, Long> cpuBefore = cpu.sample();
        long start = System.nanoTime();
        try (ExecutorService creators = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long lag = (System.nanoTime() - due) / 1_000;
                run.maxLag.accumulateAndGet(lag, Math::max);
                String subnet = subnets.get(i % subnets.size());
                creators.submit(() -> follow(run, vpc, subnet, due));
            }
        } // waits for every endpoint: each follow() ends by the per-endpoint timeout
        Map<String, Double> cpuSeconds = cpu.since(cpuBefore);
        return run.outcome(name, start, cpuSeconds, hops(run));
    }

    private final Map<String, String> vpcBySubnet = new java.util.concurrent.ConcurrentHashMap<>();

    private String vpcOf(List<String> subnets) {
        return vpcBySubnet.get(subnets.getFirst());
    }

    /**
     * One endpoint: create, then GET until it is available (or failed, rejected, or out of time): every poll-ms, or
     * every poll-backoff x the time waited so far when that is longer (a client that has waited 10 s asks every 0.5
     * s, not 40 times a second; the answer is late by at most that fraction). The time runs from {@code created}
     * (the start of the POST, or its slot in the schedule) to the answer of the first GET that says available.
     */
    private void follow(Run run, String vpc, String subnet, long created) {
        long t0 = System.nanoTime();
        long postWall = epochMicros();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(config.timeoutSeconds);
        String id;
        try {
            HttpResponse<String> r = send("POST", CONSUMER, "/v1/vpc-endpoints",
                    Map.of("serviceName", serviceName, "vpcId", vpc, "subnetIds", List.of(subnet)));
            run.post.recordValue(micros(System.nanoTime() - t0));
            if (r.statusCode() != 201) {
                run.fail("POST " + r.statusCode() + " " + abbreviate(r.body()));
                return;
            }
            id = json.readTree(r.body()).path("vpcEndpointId").asText();
        } catch (Exception e) {
            run.fail("POST " + e);
            return;
        }
        String state = "pending";
        while (System.nanoTime() < deadline) {
            try {
                long waited = (System.nanoTime() - created) / 1_000_000;
                Thread.sleep(Math.max(config.pollMillis, (long) (config.pollBackoff * waited)));
                long g = System.nanoTime();
                HttpResponse<String> r = send("GET", CONSUMER, "/v1/vpc-endpoints/" + id, null);
                long answered = System.nanoTime();
                run.get.recordValue(micros(answered - g));
                run.polls.incrementAndGet();
                if (r.statusCode() != 200) {
                    state = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
                    continue; // a client retries a read
                }
                JsonNode endpoint = json.readTree(r.body());
                state = endpoint.path("state").asText();
                switch (state) {
                    case "available" -> {
                        run.done(created, t0, answered, new Timed(id, postWall, epochMicros()));
                        return;
                    }
                    case "failed", "rejected", "deleted", "deleting", "expired" -> {
                        run.fail(id + " " + state + " " + endpoint.path("failureReason").asText(""));
                        return;
                    }
                    default -> { }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.fail(id + " interrupted");
                return;
            } catch (Exception e) {
                state = e.toString();
            }
        }
        run.fail(id + " not available after " + config.timeoutSeconds + " s (last seen: " + state + ")");
    }

    /** One endpoint as the client saw it, in microseconds since the epoch: the POST's start, the GET that said available. */
    record Timed(String id, long postMicros, long seenMicros) {
    }

    /** The shared counters of one mode. */
    private static final class Run {
        final int attempted;
        final Histogram createToAvailable = histogram();
        final Histogram post = histogram();
        final Histogram get = histogram();
        final AtomicLong polls = new AtomicLong();
        final AtomicLong maxLag = new AtomicLong();
        final AtomicLong firstCreate = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastAvailable = new AtomicLong(Long.MIN_VALUE);
        final AtomicInteger available = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Timed> timed = new ConcurrentLinkedQueue<>();

        Run(int attempted) {
            this.attempted = attempted;
        }

        void done(long created, long posted, long answered, Timed endpoint) {
            createToAvailable.recordValue(micros(answered - created));
            timed.add(endpoint);
            firstCreate.accumulateAndGet(Math.min(created, posted), Math::min);
            lastAvailable.accumulateAndGet(answered, Math::max);
            available.incrementAndGet();
        }

        void fail(String why) {
            failures.add(why);
        }

        Outcome outcome(String name, long start, Map<String, Double> cpuSeconds, Map<String, Histogram> hops) {
            long from = firstCreate.get() == Long.MAX_VALUE ? start : firstCreate.get();
            long to = lastAvailable.get() == Long.MIN_VALUE ? System.nanoTime() : lastAvailable.get();
            return new Outcome(name, attempted, available.get(), List.copyOf(failures), (to - from) / 1e9,
                    createToAvailable, post, get, polls.get(), maxLag.get(), cpuSeconds, hops);
        }
    }

    // ---------------------------------------------------------------- where the time goes: the chain's own clock

    /** The steps of an endpoint's way to available: the database whose events table records its end, and the event. */
    static final String[][] CHAIN = {
            {"consumer", "VpcEndpointRequested", "POST -> Requested (consumer)"},
            {"provider", "EndpointConnectionAccepted", "Requested -> ConnectionAccepted (provider)"},
            {"network", "EndpointNetworkProvisioned", "Accepted -> NetworkProvisioned (network)"},
            {"dns", "EndpointDnsPublished", "Provisioned -> DnsPublished (dns)"},
            {"consumer", "VpcEndpointAvailable", "DnsPublished -> Available (consumer)"},
    };
    static final String SEEN = "Available -> a GET says so (client)";

    /**
     * Per step, the time between the events of each endpoint of the run, from the {@code occurred_at} the services'
     * event stores record (every process reads the same clock): how long each hop of the chain took. The first step
     * starts at the client's POST, the last ends at the GET that said available. Empty when the databases cannot be
     * read (their names are the local cluster's: consumer, provider, network, dns).
     */
    private Map<String, Histogram> hops(Run run) {
        Map<String, Histogram> hops = new LinkedHashMap<>();
        if (run.timed.isEmpty()) {
            return hops;
        }
        List<Timed> endpoints = List.copyOf(run.timed);
        String[] ids = endpoints.stream().map(Timed::id).toArray(String[]::new);
        List<Map<String, Long>> at = new ArrayList<>();
        try {
            for (String[] step : CHAIN) {
                Map<String, Long> when = new java.util.HashMap<>();
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + config.pgPort + "/" + step[0],
                        "postgres", "postgres");
                     var q = c.prepareStatement("select payload->>'vpcEndpointId', occurred_at from events "
                             + "where event_type = ? and payload->>'vpcEndpointId' = any(?)")) {
                    q.setString(1, step[1]);
                    q.setArray(2, c.createArrayOf("text", ids));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            java.time.Instant t = rs.getTimestamp(2).toInstant();
                            when.putIfAbsent(rs.getString(1), t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000);
                        }
                    }
                }
                at.add(when);
            }
        } catch (SQLException e) {
            System.out.println("(no hop times: " + e.getMessage() + ")");
            return hops;
        }
        for (String[] step : CHAIN) {
            hops.put(step[2], histogram());
        }
        hops.put(SEEN, histogram());
        for (Timed e : endpoints) {
            long previous = e.postMicros();
            boolean complete = true;
            for (int i = 0; i < CHAIN.length && complete; i++) {
                Long t = at.get(i).get(e.id());
                if (t == null) {
                    complete = false;
                } else {
                    hops.get(CHAIN[i][2]).recordValue(Math.max(1, t - previous));
                    previous = t;
                }
            }
            if (complete) {
                hops.get(SEEN).recordValue(Math.max(1, e.seenMicros() - previous));
            }
        }
        if (hops.get(SEEN).getTotalCount() == 0) {
            System.out.println("(no hop times: no endpoint has all of " + Arrays.stream(CHAIN).map(step -> step[0] + "."
                    + step[1]).toList() + " in the services' events tables)");
            return new LinkedHashMap<>();
        }
        return hops;
    }

    private static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    // ---------------------------------------------------------------- peer 1: Kafka round trip

    static final class Peers {
        Histogram kafkaRoundTrip;
        double kafkaRoundTripsPerSecond;
        Histogram kafkaPipelined;
        double kafkaPipelinedPerSecond;
        final List<String[]> pgbench = new ArrayList<>(); // label, tps, latency ms, transactions

        double pgbenchTps(int i) {
            return Double.parseDouble(pgbench.get(i)[1].replace(",", ""));
        }

        double pgbenchLatency(int i) {
            return Double.parseDouble(pgbench.get(i)[2]);
        }
        String pgSettings = "";
        String pgbenchNote;
    }

    /** The services' producer settings (OutboxRelay.producerSettings): idempotent, acks=all, 5 in flight, no linger. */
    private Map<String, Object> producerSettings() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    /**
     * A scratch topic (1 partition), a producer with the services' settings and a consumer assigned to the partition
     * (no group, so no rebalance). First M round trips with one message in flight: send, wait until the consumer has
     * it, send the next. Then P messages sent back to back while the consumer reads them. Each value (400 B, about
     * an event's record with its headers) carries its send time. The topic is deleted afterwards.
     */
    private void kafka(Peers peers) throws Exception {
        String topic = "privet.bench.roundtrip." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                Map<String, Object> consumerSettings = Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                TopicPartition partition = new TopicPartition(topic, 0);
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings());
                     KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
                    producer.partitionsFor(topic);
                    consumer.assign(List.of(partition));
                    consumer.seekToBeginning(List.of(partition));
                    consumer.position(partition);
                    // warm-up: 200 round trips, not recorded
                    roundTrips(producer, consumer, topic, 200, histogram());
                    Histogram oneInFlight = histogram();
                    long start = System.nanoTime();
                    roundTrips(producer, consumer, topic, config.kafkaMessages, oneInFlight);
                    peers.kafkaRoundTripsPerSecond = config.kafkaMessages / ((System.nanoTime() - start) / 1e9);
                    peers.kafkaRoundTrip = oneInFlight;
                    System.out.printf("kafka     produce->consume, 1 in flight: %,d round trips, %,.0f/s, p50 %s ms, p99 %s ms%n",
                            config.kafkaMessages, peers.kafkaRoundTripsPerSecond, ms(oneInFlight, 50), ms(oneInFlight, 99));
                    Histogram pipelined = histogram();
                    peers.kafkaPipelinedPerSecond = pipelined(producer, consumer, topic, config.kafkaPipelined, pipelined);
                    peers.kafkaPipelined = pipelined;
                    System.out.printf("kafka     produce->consume, pipelined: %,d messages, %,.0f/s, p50 %s ms, p99 %s ms%n",
                            config.kafkaPipelined, peers.kafkaPipelinedPerSecond, ms(pipelined, 50), ms(pipelined, 99));
                }
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static byte[] stamped(long seq) {
        ByteBuffer value = ByteBuffer.allocate(400);
        value.putLong(seq).putLong(System.nanoTime());
        return value.array();
    }

    /** count round trips: the consumer thread hands each message back; the next is sent only then. */
    private static void roundTrips(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
                                   String topic, int count, Histogram h) throws Exception {
        SynchronousQueue<Long> received = new SynchronousQueue<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + count / 50);
        Thread reader = Thread.ofPlatform().name("bench-kafka-reader").start(() -> {
            int seen = 0;
            while (seen < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long sent = ByteBuffer.wrap(r.value()).getLong(8);
                    h.recordValue(micros(System.nanoTime() - sent));
                    seen++;
                    try {
                        received.offer(sent, 10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        try {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 1000), stamped(i)));
                if (received.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS) == null) {
                    throw new IllegalStateException("Kafka round trip " + i + " of " + count + " never came back");
                }
            }
        } finally {
            reader.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    /** count messages sent back to back (the producer batches as it can); returns messages/s send-first to read-last. */
    private static double pipelined(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> consumer,
                                    String topic, int count, Histogram h) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        AtomicLong lastRead = new AtomicLong();
        AtomicInteger seen = new AtomicInteger();
        Thread reader = Thread.ofPlatform().name("bench-kafka-reader").start(() -> {
            while (seen.get() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    h.recordValue(micros(now - ByteBuffer.wrap(r.value()).getLong(8)));
                    lastRead.set(now);
                    seen.incrementAndGet();
                }
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + (i % 1000), stamped(i)));
        }
        producer.flush();
        reader.join(TimeUnit.SECONDS.toMillis(130));
        if (seen.get() != count) {
            throw new IllegalStateException("the consumer read " + seen.get() + " of " + count + " pipelined messages");
        }
        return count / ((lastRead.get() - start) / 1e9);
    }

    // ---------------------------------------------------------------- peer 2: pgbench single-row commits

    /**
     * pgbench on a scratch database: a custom script of one insert per transaction into a plain table (identity
     * primary key), no vacuum, prepared statements; 1 client, then C clients. The database is dropped afterwards.
     */
    private void pgbench(Peers peers) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + config.pgPort + "/postgres";
        String db = "privet_bench_pgbench";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement()) {
            List<String> settings = new ArrayList<>();
            for (String s : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "wal_sync_method", "shared_buffers")) {
                try (ResultSet rs = st.executeQuery("show " + s)) {
                    rs.next();
                    settings.add((s.equals("server_version") ? "" : s + "=") + rs.getString(1));
                }
            }
            peers.pgSettings = String.join(" ", settings);
            System.out.println("postgres  " + peers.pgSettings);
            if (!onPath(config.pgbench)) {
                peers.pgbenchNote = "pgbench not found (" + config.pgbench + "): on Debian 12 it comes with the "
                        + "PostgreSQL server package, apt-get install postgresql-15 (postgresql-client-15 lacks it)";
                System.out.println("pgbench   skipped: " + peers.pgbenchNote);
                return;
            }
            st.execute("drop database if exists " + db + " with (force)");
            st.execute("create database " + db);
        }
        Path script = Files.createTempFile("privet-pgbench-", ".sql");
        try {
            try (Connection c = DriverManager.getConnection(url.replace("/postgres", "/" + db), "postgres", "postgres");
                 Statement st = c.createStatement()) {
                st.execute("create table bench_commits (id bigint generated always as identity primary key, "
                        + "client int not null, at timestamptz not null default now())");
            }
            Files.writeString(script, "insert into bench_commits (client) values (:client_id);\n");
            long rows = 0;
            for (int clients : config.clients == 1 ? List.of(1) : List.of(1, config.clients)) {
                String[] result = runPgbench(script, db, clients);
                peers.pgbench.add(result);
                rows += Long.parseLong(result[3]);
                System.out.printf("pgbench   1-row insert commits, %s: %s tps, latency average %s ms (%s transactions)%n",
                        result[0], result[1], result[2], result[3]);
                try (Connection c = DriverManager.getConnection(url.replace("/postgres", "/" + db), "postgres", "postgres");
                     Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from bench_commits")) {
                    rs.next();
                    if (rs.getLong(1) != rows) {
                        throw new IllegalStateException("bench_commits holds " + rs.getLong(1) + " rows, pgbench reported " + rows);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(script);
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    private String[] runPgbench(Path script, String db, int clients) throws Exception {
        List<String> command = List.of(config.pgbench, "-n", "-M", "prepared", "-h", "127.0.0.1",
                "-p", Integer.toString(config.pgPort), "-U", "postgres", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", Integer.toString(config.pgbenchSeconds), "-f", script.toString(), db);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (!p.waitFor(config.pgbenchSeconds + 60L, TimeUnit.SECONDS)) {
            p.destroy();
            throw new IllegalStateException("pgbench did not finish: " + String.join(" ", command));
        }
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
        Matcher done = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
        if (p.exitValue() != 0 || !tps.find() || !latency.find() || !done.find()) {
            throw new IllegalStateException("pgbench failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                    + "\n" + out);
        }
        return new String[]{clients + (clients == 1 ? " client" : " clients"),
                String.format("%,.0f", Double.parseDouble(tps.group(1))), latency.group(1), done.group(1)};
    }

    private static boolean onPath(String binary) {
        if (binary.contains("/")) {
            return Files.isExecutable(Path.of(binary));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }

    // ---------------------------------------------------------------- report

    private void print(Outcome o) {
        System.out.printf("%-20s %,5d/%,d available in %5.1f s: %6.1f/s, create-to-available p50 %s ms, p99 %s ms, "
                        + "max %s ms; POST p50 %s ms; %.1f GETs each%s%s%n", o.name, o.available, o.attempted, o.seconds,
                o.rate(), ms(o.createToAvailable, 50), ms(o.createToAvailable, 99), maxMs(o.createToAvailable),
                ms(o.post, 50), o.available == 0 ? 0.0 : o.polls / (double) o.attempted,
                o.maxLagMicros > 0 ? String.format("; schedule lag max %.1f ms", o.maxLagMicros / 1000.0) : "",
                o.failures.isEmpty() ? "" : "; FAILED " + o.failures.size() + ", e.g. " + o.failures.subList(0,
                        Math.min(3, o.failures.size())));
        if (!o.hops.isEmpty()) {
            StringBuilder line = new StringBuilder("    hops p50 ms:");
            o.hops.forEach((hop, x) -> line.append(String.format(" %s %s;", hop.replaceAll(" \\(.*\\)", ""), ms(x, 50))));
            System.out.println(line);
        }
    }

    private void report(List<Outcome> bursts, List<Outcome> fixed, List<Peers> peers) {
        if (!bursts.isEmpty() || !fixed.isEmpty()) {
            endpointTables(bursts, fixed);
        }
        peerTables(bursts, fixed, peers);
    }

    private void endpointTables(List<Outcome> bursts, List<Outcome> fixed) {
        System.out.printf("Endpoints to available through the gateway, one endpoint service, poll every %d ms%n",
                config.pollMillis);
        String head = "%-28s %9s %12s %9s %9s %9s %9s %9s %7s%n";
        System.out.printf(head, "mode", "endpoints", "endpoints/s", "p50 ms", "p99 ms", "max ms", "POST p50", "GET p50", "failed");
        String row = "%-28s %,9d %12.1f %9s %9s %9s %9s %9s %7d%n";
        for (Outcome o : bursts) {
            System.out.printf(row, o.name + " (C=" + config.clients + ")", o.available, o.rate(), ms(o.createToAvailable, 50),
                    ms(o.createToAvailable, 99), maxMs(o.createToAvailable), ms(o.post, 50), ms(o.get, 50), o.failures.size());
        }
        Outcome median = medianBurst(bursts);
        if (median != null) {
            double[] p50s = bursts.stream().mapToDouble(o -> o.createToAvailable.getValueAtPercentile(50) / 1000.0).sorted().toArray();
            double[] p99s = bursts.stream().mapToDouble(o -> o.createToAvailable.getValueAtPercentile(99) / 1000.0).sorted().toArray();
            double[] maxs = bursts.stream().mapToDouble(o -> o.createToAvailable.getMaxValue() / 1000.0).sorted().toArray();
            System.out.printf("%-28s %9s %12.1f %9.1f %9.1f %9.1f%n", "burst median of " + bursts.size(), "",
                    median.rate(), p50s[p50s.length / 2], p99s[p99s.length / 2], maxs[maxs.length / 2]);
        }
        for (Outcome o : fixed) {
            System.out.printf(row, o.name, o.available, o.rate(), ms(o.createToAvailable, 50), ms(o.createToAvailable, 99),
                    maxMs(o.createToAvailable), ms(o.post, 50), ms(o.get, 50), o.failures.size());
        }
        System.out.println("(endpoints/s: available / first create to last available; create-to-available: from the POST's "
                + "start, or its slot in the schedule, to the answer of the first GET that said available)");

        List<Outcome> withHops = new ArrayList<>(bursts);
        withHops.addAll(fixed);
        withHops.removeIf(o -> o.hops.isEmpty());
        if (!withHops.isEmpty()) {
            System.out.println();
            System.out.println("Where the time goes: each hop of the chain, p50 / p99 ms (from the events' occurred_at)");
            StringBuilder h = new StringBuilder(String.format("%-44s", "hop"));
            withHops.forEach(o -> h.append(String.format(" %17s", o.name.replace("burst ", "burst").replace("fixed ", "")
                    .replace(" x " + config.durationSeconds + " s", ""))));
            System.out.println(h);
            for (String hop : withHops.getFirst().hops.keySet()) {
                StringBuilder line = new StringBuilder(String.format("%-44s", hop));
                for (Outcome o : withHops) {
                    Histogram x = o.hops.get(hop);
                    line.append(String.format(" %17s", x == null ? "-" : ms(x, 50) + " / " + ms(x, 99)));
                }
                System.out.println(line);
            }
        }

    }

    private void peerTables(List<Outcome> bursts, List<Outcome> fixed, List<Peers> peers) {
        if (!peers.isEmpty()) {
            System.out.println();
            System.out.printf("The parts' own limits, same broker and PostgreSQL: median of %d runs (min-max), one "
                    + "before each burst%n", peers.size());
            Peers first = peers.getFirst();
            if (first.kafkaRoundTrip != null) {
                System.out.printf("%-44s %s msg/s   p50 %s ms   p99 %s ms%n", "Kafka produce->consume, 1 in flight",
                        spread(peers, p -> p.kafkaRoundTripsPerSecond, "%,.0f"),
                        spread(peers, p -> p.kafkaRoundTrip.getValueAtPercentile(50) / 1000.0, "%.2f"),
                        spread(peers, p -> p.kafkaRoundTrip.getValueAtPercentile(99) / 1000.0, "%.1f"));
                System.out.printf("%-44s %s msg/s   p50 %s ms   p99 %s ms%n", "Kafka produce->consume, pipelined",
                        spread(peers, p -> p.kafkaPipelinedPerSecond, "%,.0f"),
                        spread(peers, p -> p.kafkaPipelined.getValueAtPercentile(50) / 1000.0, "%.0f"),
                        spread(peers, p -> p.kafkaPipelined.getValueAtPercentile(99) / 1000.0, "%.0f"));
            }
            if (!first.pgSettings.isEmpty()) {
                System.out.println("PostgreSQL " + first.pgSettings);
            }
            for (int i = 0; i < first.pgbench.size(); i++) {
                int k = i;
                System.out.printf("%-44s %s tps   latency average %s ms%n", "pgbench 1-row insert commits, "
                        + first.pgbench.get(i)[0], spread(peers, p -> p.pgbenchTps(k), "%,.0f"),
                        spread(peers, p -> p.pgbenchLatency(k), "%.3f"));
            }
            if (first.pgbenchNote != null) {
                System.out.println("pgbench: " + first.pgbenchNote);
            }
        }

        if (!bursts.isEmpty() && peers.size() == bursts.size()) {
            System.out.println();
            System.out.println("Ratios, each burst to the peers measured just before it: median (min-max)");
            List<Integer> runs = java.util.stream.IntStream.range(0, bursts.size()).boxed().toList();
            java.util.function.IntToDoubleFunction p50 = i -> bursts.get(i).createToAvailable.getValueAtPercentile(50) / 1000.0;
            java.util.function.IntToDoubleFunction rt = i -> peers.get(i).kafkaRoundTrip.getValueAtPercentile(50) / 1000.0;
            if (peers.getFirst().kafkaRoundTrip != null) {
                System.out.printf("  create-to-available p50 / Kafka round trip p50: %s round trips%n",
                        spread(runs, i -> p50.applyAsDouble(i) / rt.applyAsDouble(i), "%.0f"));
                if (!bursts.getFirst().hops.isEmpty()) {
                    System.out.printf("  one hop (median of the chain's %d hops' p50) / Kafka round trip p50: %s round trips%n",
                            CHAIN.length, spread(runs, i -> medianHop(bursts.get(i)) / rt.applyAsDouble(i), "%.0f"));
                }
                System.out.printf("  endpoints/s / Kafka round trips/s (1 in flight): %s; / pipelined messages/s: %s%n",
                        spread(runs, i -> bursts.get(i).rate() / peers.get(i).kafkaRoundTripsPerSecond, "%.4f"),
                        spread(runs, i -> bursts.get(i).rate() / peers.get(i).kafkaPipelinedPerSecond, "%.5f"));
            }
            for (int k = 0; k < peers.getFirst().pgbench.size(); k++) {
                int c = k;
                System.out.printf("  endpoints/s / pgbench tps (%s): %s, i.e. %s single-row commits' worth per endpoint%n",
                        peers.getFirst().pgbench.get(k)[0],
                        spread(runs, i -> bursts.get(i).rate() / peers.get(i).pgbenchTps(c), "%.5f"),
                        spread(runs, i -> peers.get(i).pgbenchTps(c) / bursts.get(i).rate(), "%,.0f"));
            }
        }
        List<Outcome> all = new ArrayList<>(bursts);
        all.addAll(fixed);
        if (!all.isEmpty() && !all.getFirst().cpuSeconds.isEmpty()) {
            System.out.println();
            System.out.println("CPU per endpoint made available, ms (from /proc: user+system of each process during the mode)");
            List<String> names = new ArrayList<>(all.getFirst().cpuSeconds.keySet());
            StringBuilder h = new StringBuilder(String.format("%-28s", "mode"));
            names.forEach(n -> h.append(String.format(" %10s", n)));
            System.out.println(h);
            for (Outcome o : all) {
                StringBuilder line = new StringBuilder(String.format("%-28s", o.name));
                for (String n : names) {
                    double s = o.cpuSeconds.getOrDefault(n, 0.0);
                    line.append(String.format(" %10.1f", o.available == 0 ? 0 : 1000 * s / o.available));
                }
                System.out.println(line);
            }
            StringBuilder busy = new StringBuilder(String.format("%-28s", "cores busy, burst median"));
            Outcome median = medianBurst(bursts);
            if (median != null) {
                for (String n : names) {
                    busy.append(String.format(" %10.2f", median.cpuSeconds.getOrDefault(n, 0.0) / median.seconds));
                }
                System.out.println(busy);
            }
            System.out.println("(bench: this driver; machine: all busy CPU time of the machine; others: machine less the processes named, e.g. other builds)");
        }
    }

    // ---------------------------------------------------------------- CPU accounting from /proc

    /** CPU time of the cluster's processes (from cluster.properties), this driver and the whole machine, in ticks. */
    static final class CpuMeter {
        private final Map<String, Long> pids = new LinkedHashMap<>();
        private final double ticksPerSecond = clockTicks();

        CpuMeter(Path clusterDir) {
            if (clusterDir != null) {
                clusterState(clusterDir).ifPresent(state -> {
                    for (String[] part : List.of(new String[]{"gateway", "service.gateway.pid"},
                            new String[]{"consumer", "service.consumer-service.pid"},
                            new String[]{"provider", "service.provider-service.pid"},
                            new String[]{"network", "service.network-service.pid"},
                            new String[]{"dns", "service.dns-service.pid"},
                            new String[]{"kafka", "kafka.pid"}, new String[]{"postgres", "postgres.pid"})) {
                        String pid = state.getProperty(part[1]);
                        if (pid != null && !pid.isBlank()) {
                            pids.put(part[0], Long.parseLong(pid.trim()));
                        }
                    }
                });
            }
            pids.put("bench", ProcessHandle.current().pid());
        }

        String describe() {
            return pids.isEmpty() ? "none" : pids + " and the machine (/proc/stat)"
                    + (pids.size() == 1 ? "; pass --cluster=<data folder> for the cluster's processes" : "");
        }

        Map<String, Long> sample() {
            Map<String, Long> ticks = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                long t = processTicks(e.getValue(), false);
                if (e.getKey().equals("postgres")) { // the postmaster, its exited children, and its live backends
                    t = processTicks(e.getValue(), true) + childrenTicks(e.getValue());
                }
                ticks.put(e.getKey(), t);
            }
            ticks.put("machine", machineBusyTicks());
            return ticks;
        }

        Map<String, Double> since(Map<String, Long> before) {
            Map<String, Long> after = sample();
            Map<String, Double> seconds = new LinkedHashMap<>();
            before.forEach((k, v) -> seconds.put(k, Math.max(0, after.getOrDefault(k, v) - v) / ticksPerSecond));
            double ours = seconds.entrySet().stream().filter(e -> !e.getKey().equals("machine"))
                    .mapToDouble(Map.Entry::getValue).sum();
            seconds.put("others", Math.max(0, seconds.get("machine") - ours)); // other builds, the kernel's own work
            return seconds;
        }

        /** utime + stime (+ cutime + cstime: waited-for children), fields 14-17 of /proc/pid/stat. */
        private static long processTicks(long pid, boolean withChildren) {
            String[] f = statFields(pid);
            if (f == null) {
                return 0;
            }
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        }

        private static long childrenTicks(long parent) {
            long total = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] f = statFields(Long.parseLong(name));
                    if (f != null && Long.parseLong(f[1]) == parent) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return total;
        }

        /** The fields after the command name: [0] = state (field 3), [1] = ppid, [11] = utime (field 14) ... */
        private static String[] statFields(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static long machineBusyTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            } catch (IOException e) {
                return 0;
            }
        }

        private static double clockTicks() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                p.waitFor(5, TimeUnit.SECONDS);
                return Double.parseDouble(out);
            } catch (Exception e) {
                return 100;
            }
        }
    }

    // ---------------------------------------------------------------- HTTP and helpers

    private JsonNode post(String account, String path, Object body) throws Exception {
        JsonNode node = call("POST", account, path, body, 201);
        if (path.equals("/v1/subnets")) {
            vpcBySubnet.put(node.path("subnetId").asText(), node.path("vpcId").asText());
        }
        return node;
    }

    private JsonNode call(String method, String account, String path, Object body, int expected) throws Exception {
        HttpResponse<String> r = send(method, account, path, body);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String account, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.gateway + path)).timeout(Duration.ofSeconds(30))
                .header("X-Privet-Account", account).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Optional<Properties> clusterState(Path dir) {
        Path file = dir.resolve("cluster.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "median (min-max)" of a value over the items, in the format given. */
    private static <T> String spread(List<T> items, java.util.function.ToDoubleFunction<T> value, String format) {
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        String median = String.format(format, v[v.length / 2]);
        return v.length == 1 ? median : median + " (" + String.format(format, v[0]) + "-" + String.format(format, v[v.length - 1]) + ")";
    }

    /** The burst whose rate is the median (the upper middle one of an even count), or null. */
    private static Outcome medianBurst(List<Outcome> bursts) {
        if (bursts.isEmpty()) {
            return null;
        }
        List<Outcome> byRate = new ArrayList<>(bursts);
        byRate.sort((a, b) -> Double.compare(a.rate(), b.rate()));
        return byRate.get(byRate.size() / 2);
    }

    private static double medianHop(Outcome o) {
        double[] p50 = Arrays.stream(CHAIN).map(step -> o.hops.get(step[2]))
                .mapToDouble(x -> x.getValueAtPercentile(50) / 1000.0).sorted().toArray();
        return p50[p50.length / 2];
    }

    /** Microseconds, up to an hour, 3 significant digits; safe for concurrent recorders. */
    private static Histogram histogram() {
        return new org.HdrHistogram.ConcurrentHistogram(3_600_000_000L, 3);
    }

    private static long micros(long nanos) {
        return Math.max(1, nanos / 1_000);
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.1f", h.getMaxValue() / 1000.0);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String machine() {
        String cpu = "unknown CPU";
        String memory = "unknown memory";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB RAM",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024.0 * 1024))).orElse(memory);
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s, JDK %s", Runtime.getRuntime().availableProcessors(),
                cpu, memory, Runtime.version());
    }
}

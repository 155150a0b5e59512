package dev.privet.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.InputStreamReader;
import java.net.URI;
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
import java.util.Map;
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

        static Config parse(String[] args) {
            Flags flags = Flags.parse(args, DEFAULTS);
            Path clusterDir = flags.text("cluster").isBlank() ? null : Path.of(flags.text("cluster"));
            String gateway = flags.text("gateway");
            String kafka = flags.text("kafka");
            int pgPort = flags.integer("pg-port");
            if (clusterDir != null) { // the cluster's own word on where it listens, unless a flag says otherwise
                Properties state = ClusterState.require(clusterDir);
                if (!flags.given("gateway") && state.getProperty("service.gateway.port") != null) {
                    gateway = "http://127.0.0.1:" + state.getProperty("service.gateway.port");
                }
                if (!flags.given("kafka") && state.getProperty("kafka.bootstrap") != null) {
                    kafka = state.getProperty("kafka.bootstrap");
                }
                if (!flags.given("pg-port") && state.getProperty("postgres.port") != null) {
                    pgPort = Integer.parseInt(state.getProperty("postgres.port"));
                }
            }
            Flags.requireLoopback("--gateway", URI.create(gateway).getHost());
            for (String server : kafka.split(",")) {
                Flags.requireLoopback("--kafka", server.substring(0, server.lastIndexOf(':')));
            }
            String rates = flags.text("rates").trim();
            List<Integer> rateList = rates.isEmpty() ? List.of() : Arrays.stream(rates.split(",")).map(String::trim)
                    .map(Integer::parseInt).filter(r -> r > 0).toList();
            Config c = new Config(gateway.replaceAll("/+$", ""), kafka, pgPort, clusterDir, flags.integer("n"),
                    flags.integer("clients"), flags.integer("burst-runs"),
                    flags.text("warmup").isBlank() ? 3 * flags.integer("n") : flags.integer("warmup"), rateList,
                    flags.integer("duration"), flags.integer("poll-ms"), flags.integer("timeout"),
                    flags.decimal("poll-backoff"), flags.bool("shared-service"),
                    flags.integer("kafka-messages"), flags.integer("kafka-pipelined"), flags.integer("pgbench-seconds"),
                    flags.text("pgbench"), flags.bool("peers"), flags.bool("endpoints"));
            if (c.n < 1 || c.clients < 1 || c.pollMillis < 1 || c.timeoutSeconds < 1 || c.durationSeconds < 1) {
                throw new IllegalArgumentException("--n, --clients, --poll-ms, --timeout and --duration must be at least 1");
            }
            int largest = Math.max(Math.max(c.n, c.warmup), c.rates.stream().mapToInt(r -> r * c.durationSeconds).max().orElse(0));
            if (largest > Tenants.MAX_ENDPOINTS_PER_VPC) {
                throw new IllegalArgumentException("at most " + Tenants.MAX_ENDPOINTS_PER_VPC + " endpoints per run (16 /20 subnets in one /16)");
            }
            return c;
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
    private final Gateway gateway;
    private final Tenants tenants;
    private final CpuMeter cpu;
    private String serviceName;
    private String loadBalancerArn;
    private int endpointsOnService;

    private EndpointBenchmark(Config config) {
        this.config = config;
        this.gateway = new Gateway(config.gateway);
        this.tenants = new Tenants(gateway);
        this.cpu = CpuMeter.ofCluster(config.clusterDir);
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.parse(args);
        EndpointBenchmark bench = new EndpointBenchmark(config);
        long begin = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        System.out.printf("Privet endpoint benchmark: burst %d runs of %,d endpoints by %d clients (+ warm-up of %d), "
                        + "fixed rates %s/s for %d s each, poll every %d ms (backoff %.2f of the time waited), timeout %d s, "
                        + "%s%n", config.burstRuns, config.n, config.clients, config.warmup, config.rates, config.durationSeconds,
                config.pollMillis, config.pollBackoff, config.timeoutSeconds,
                config.sharedService ? "one endpoint service for all modes" : "a new endpoint service for each mode");
        System.out.println("targets: gateway " + config.gateway + ", Kafka " + config.kafka + ", PostgreSQL 127.0.0.1:"
                + config.pgPort + (config.clusterDir == null ? "" : ", cluster " + config.clusterDir));
        System.out.println("machine: " + Machine.describe());
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
        String loadAfter = Machine.loadAverage();
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
        gateway.requireHealthy();
        loadBalancerArn = tenants.providerLoadBalancer();
        newService();
    }

    /**
     * A new endpoint service open to the consumer (see {@link Tenants#openService}). Each mode gets its own unless
     * --shared-service: the provider decides each connection from the service's whole stream, so a service's history
     * is part of what a mode measures.
     */
    private void newService() throws Exception {
        serviceName = tenants.openService(loadBalancerArn);
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

    // ---------------------------------------------------------------- the two modes

    /** N endpoints by C clients; each client creates one, polls it to available, then takes the next. */
    private Outcome burst(String name, int n) throws Exception {
        serviceFor(name);
        endpointsOnService += n;
        Tenants.ConsumerVpc consumer = tenants.consumerVpc(n);
        String vpc = consumer.vpcId();
        List<String> subnets = consumer.subnetIds();
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
        Tenants.ConsumerVpc consumer = tenants.consumerVpc(n);
        String vpc = consumer.vpcId();
        List<String> subnets = consumer.subnetIds();
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
            HttpResponse<String> r = gateway.send("POST", Tenants.CONSUMER, "/v1/vpc-endpoints",
                    Map.of("serviceName", serviceName, "vpcId", vpc, "subnetIds", List.of(subnet)));
            run.post.recordValue(micros(System.nanoTime() - t0));
            if (r.statusCode() != 201) {
                run.fail("POST " + r.statusCode() + " " + abbreviate(r.body()));
                return;
            }
            id = gateway.json(r).path("vpcEndpointId").asText();
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
                HttpResponse<String> r = gateway.send("GET", Tenants.CONSUMER, "/v1/vpc-endpoints/" + id, null);
                long answered = System.nanoTime();
                run.get.recordValue(micros(answered - g));
                run.polls.incrementAndGet();
                if (r.statusCode() != 200) {
                    state = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
                    continue; // a client retries a read
                }
                JsonNode endpoint = gateway.json(r);
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
                        Spread.of(peers, p -> p.kafkaRoundTripsPerSecond, "%,.0f"),
                        Spread.of(peers, p -> p.kafkaRoundTrip.getValueAtPercentile(50) / 1000.0, "%.2f"),
                        Spread.of(peers, p -> p.kafkaRoundTrip.getValueAtPercentile(99) / 1000.0, "%.1f"));
                System.out.printf("%-44s %s msg/s   p50 %s ms   p99 %s ms%n", "Kafka produce->consume, pipelined",
                        Spread.of(peers, p -> p.kafkaPipelinedPerSecond, "%,.0f"),
                        Spread.of(peers, p -> p.kafkaPipelined.getValueAtPercentile(50) / 1000.0, "%.0f"),
                        Spread.of(peers, p -> p.kafkaPipelined.getValueAtPercentile(99) / 1000.0, "%.0f"));
            }
            if (!first.pgSettings.isEmpty()) {
                System.out.println("PostgreSQL " + first.pgSettings);
            }
            for (int i = 0; i < first.pgbench.size(); i++) {
                int k = i;
                System.out.printf("%-44s %s tps   latency average %s ms%n", "pgbench 1-row insert commits, "
                        + first.pgbench.get(i)[0], Spread.of(peers, p -> p.pgbenchTps(k), "%,.0f"),
                        Spread.of(peers, p -> p.pgbenchLatency(k), "%.3f"));
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
                        Spread.of(runs, i -> p50.applyAsDouble(i) / rt.applyAsDouble(i), "%.0f"));
                if (!bursts.getFirst().hops.isEmpty()) {
                    System.out.printf("  one hop (median of the chain's %d hops' p50) / Kafka round trip p50: %s round trips%n",
                            CHAIN.length, Spread.of(runs, i -> medianHop(bursts.get(i)) / rt.applyAsDouble(i), "%.0f"));
                }
                System.out.printf("  endpoints/s / Kafka round trips/s (1 in flight): %s; / pipelined messages/s: %s%n",
                        Spread.of(runs, i -> bursts.get(i).rate() / peers.get(i).kafkaRoundTripsPerSecond, "%.4f"),
                        Spread.of(runs, i -> bursts.get(i).rate() / peers.get(i).kafkaPipelinedPerSecond, "%.5f"));
            }
            for (int k = 0; k < peers.getFirst().pgbench.size(); k++) {
                int c = k;
                System.out.printf("  endpoints/s / pgbench tps (%s): %s, i.e. %s single-row commits' worth per endpoint%n",
                        peers.getFirst().pgbench.get(k)[0],
                        Spread.of(runs, i -> bursts.get(i).rate() / peers.get(i).pgbenchTps(c), "%.5f"),
                        Spread.of(runs, i -> peers.get(i).pgbenchTps(c) / bursts.get(i).rate(), "%,.0f"));
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
            System.out.println("(bench: this driver; machine: all busy CPU time of the machine; others: machine less the processes named, e.g. other builds;"
                    + " jit: the JIT compiler threads of the gateway and the four services, a part of their columns, at least this much:"
                    + " the JVM ends compiler threads it no longer needs, and their time leaves the count; a warm cluster spends little there)");
        }
    }

    // ---------------------------------------------------------------- HTTP and helpers

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

}

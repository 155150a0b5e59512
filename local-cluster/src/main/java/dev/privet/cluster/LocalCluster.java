package dev.privet.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole of Privet on one machine, without Docker: PostgreSQL (embedded binaries), a real Kafka
 * broker in KRaft mode and the five services, each a child process of this JVM.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.builder().randomPorts().dataDirectory(tmp).build().start()) {
 *     given().baseUri(cluster.gatewayUrl())...
 * }
 * }</pre>
 *
 * <p>{@link #start()} checks every port first, then starts PostgreSQL (creating the databases
 * {@code network}, {@code provider}, {@code consumer} and {@code dns} if missing), Kafka, the
 * services and the gateway, and returns when all answer {@code /q/health/ready}. From then on a
 * {@link Supervisor} restarts the broker or a service that exits, with the same ports and data,
 * after a pause that grows with each crash in a row ({@link RestartPolicy}). {@link #stop()}
 * ends the supervision, then stops everything in reverse order. Data stays in the data directory:
 * a later start, or {@link #restart()}, finds it again. Children die with this JVM: a shutdown
 * hook stops them, and a guard process kills them if this JVM is killed outright.
 *
 * <p>Layout of the data directory: {@code postgres/} (database files), {@code kafka/} (broker
 * configuration, {@code server.log}, {@code data/}), {@code logs/<service>.log},
 * {@code logs/postgres.log}, {@code privet.pid} (the owning process) and {@code cluster.properties}
 * (where everything listens, the pids, the supervisor's phase and restart count of each child).
 */
public final class LocalCluster implements AutoCloseable {

    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    /** Data directories of the clusters started in this JVM: two must not share one. */
    private static final Set<Path> DIRECTORIES_IN_USE = ConcurrentHashMap.newKeySet();

    private final Path dataDirectory;
    private final Path repositoryRoot;
    private final Ports ports;
    private final List<PrivetService> services;
    private final Consumer<String> progress;
    private final Duration readyTimeout;
    private final Map<PrivetService, Map<String, String>> serviceProperties;
    /** Made anew for each cluster object; every process of it gets the same one (see {@link ServiceSettings}). */
    private final String gatewaySecret;
    private final List<String> serviceJvmOptions;

    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;
    /** One per service of this cluster, made once: each launch runs the same command. */
    private final Map<PrivetService, ServiceProcess> processes = new EnumMap<>(PrivetService.class);
    private final Object stateFileLock = new Object();
    private volatile boolean stopRequested;
    private volatile boolean started;
    private volatile Supervisor supervisor;
    private volatile String lifecycle = "stopped";
    private volatile boolean postgresUp;
    private volatile boolean kafkaUp;
    private Thread shutdownHook;
    private volatile Instant startedAt;

    private LocalCluster(Builder builder) {
        this.repositoryRoot = builder.repositoryRoot != null ? builder.repositoryRoot.toAbsolutePath() : RepositoryRoot.locate();
        this.dataDirectory = (builder.dataDirectory != null ? builder.dataDirectory : repositoryRoot.resolve(".privet"))
                .toAbsolutePath().normalize();
        this.ports = builder.ports != null ? builder.ports : Ports.defaults();
        this.services = List.copyOf(builder.services);
        this.progress = builder.progress;
        this.readyTimeout = builder.readyTimeout;
        Map<PrivetService, Map<String, String>> properties = new EnumMap<>(PrivetService.class);
        builder.serviceProperties.forEach((service, values) -> properties.put(service, Map.copyOf(values)));
        this.serviceProperties = properties;
        this.serviceJvmOptions = List.copyOf(builder.serviceJvmOptions);
        this.gatewaySecret = ServiceSettings.newGatewaySecret();
        this.postgres = new EmbeddedPostgresServer(dataDirectory.resolve("postgres"), logDirectory().resolve("postgres.log"),
                ports.postgres());
        this.kafka = new KafkaBrokerProcess(dataDirectory.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                LeftoverProcesses.markers(dataDirectory));
        for (PrivetService service : services) {
            processes.put(service, newServiceProcess(service));
        }
    }

    /** A builder with the defaults: the checkout's {@code .privet/}, the ports of DESIGN.md, every service. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts everything and waits until every part is ready.
     *
     * @return this cluster, started
     * @throws PortInUseException             when a port is taken (nothing was started)
     * @throws ClusterAlreadyRunningException when another process runs a cluster on the same data directory
     * @throws ClusterStartException          when a part fails or is not ready in time; what had started is stopped again
     */
    public synchronized LocalCluster start() {
        if (started) {
            throw new IllegalStateException("the local cluster is already started");
        }
        stopRequested = false;
        Elapsed total = Elapsed.start();
        if (!DIRECTORIES_IN_USE.add(dataDirectory)) {
            throw new ClusterAlreadyRunningException(ProcessHandle.current().pid(), dataDirectory);
        }
        try {
            prepare();
            OwnerPidFile.claim(dataDirectory);
        } catch (RuntimeException e) {
            DIRECTORIES_IN_USE.remove(dataDirectory);
            throw e;
        }
        installShutdownHook();
        startedAt = Instant.now();
        try {
            writeState("starting");
            startPostgres();
            startKafka();
            startServices();
            superviseChildren();
            started = true;
            writeState("running");
            progress.accept("all ready in " + total);
            return this;
        } catch (RuntimeException e) {
            String why = e instanceof ClusterStartException failure ? failure.headline() : String.valueOf(e);
            progress.accept("start failed (" + why + "); stopping what had started");
            endSupervision();
            stopEverything();
            writeState("failed");
            OwnerPidFile.release(dataDirectory);
            DIRECTORIES_IN_USE.remove(dataDirectory);
            removeShutdownHook();
            throw e instanceof ClusterStartException ? e : new ClusterStartException("the local cluster did not start: " + e, e);
        }
    }

    /**
     * Ends the supervision, then stops everything, in reverse order of start; the data stays. Does
     * nothing when not started.
     */
    public void stop() {
        stopRequested = true; // a start in progress gives up at its next check, then releases the lock
        synchronized (this) {
            if (!started) {
                return;
            }
            Elapsed total = Elapsed.start();
            writeState("stopping");
            endSupervision();
            stopEverything();
            started = false;
            writeState("stopped");
            OwnerPidFile.release(dataDirectory);
            DIRECTORIES_IN_USE.remove(dataDirectory);
            removeShutdownHook();
            progress.accept("stopped in " + total);
        }
    }

    /** Stops and starts again, on the same ports and data. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether {@link #start()} completed and {@link #stop()} was not called since. */
    public boolean isRunning() {
        return started;
    }

    /**
     * Stops one service (SIGTERM, graceful) and keeps it down: the supervisor does not restart it
     * until {@link #startService} starts it again. The rest keeps running.
     */
    public synchronized void stopService(PrivetService service) {
        ServiceProcess process = process(service);
        Supervisor current = supervisor;
        if (current != null) {
            current.release(process);
        }
        if (process.isAlive()) {
            process.requestStop();
            process.awaitStop(SERVICE_STOP_GRACE);
            progress.accept(service.moduleName() + " stopped; it stays down until started again");
        }
        writeState();
    }

    /**
     * Kills one service with SIGKILL, without a shutdown, as a crash would; returns once the process
     * is gone. The supervisor sees the crash and starts the service again by itself after its pause
     * (1 s for a first crash); {@link #awaitReady(PrivetService)} waits for that.
     */
    public synchronized void killService(PrivetService service) {
        process(service).kill();
    }

    /**
     * Makes sure one service runs and waits until it is ready: after {@link #stopService} it starts
     * it again (supervised); after {@link #killService} or a crash it only waits for the supervisor's
     * restart; when it runs, it waits for its readiness.
     *
     * @throws ClusterStartException when it is not ready within the ready timeout
     */
    public synchronized void startService(PrivetService service) {
        Supervisor current = requireSupervisor();
        ServiceProcess process = process(service);
        if (current.phase(process) != Supervisor.Phase.STOPPED) {
            awaitReady(service);
            return;
        }
        process.launch();
        current.supervise(process);
        try {
            awaitReady(service);
        } catch (RuntimeException e) {
            current.release(process);
            process.requestStop();
            process.awaitStop(SERVICE_STOP_GRACE);
            writeState();
            throw e;
        }
    }

    /** Stops and starts one service, on the same port. */
    public synchronized void restartService(PrivetService service) {
        stopService(service);
        startService(service);
    }

    /**
     * Waits until a service's process is alive and its {@code /q/health/ready} answers 200, for at
     * most the ready timeout; a crashed service is restarted by the supervisor meanwhile.
     *
     * @throws IllegalStateException when the service was stopped with {@link #stopService}
     * @throws ClusterStartException when it is not ready in time, or the cluster is being stopped
     */
    public void awaitReady(PrivetService service) {
        ServiceProcess process = process(service);
        awaitReady(process, () -> "log: " + process.logFile() + "\n---- last lines of its log ----\n" + process.logTail(40));
        progress.accept(service.moduleName() + " is ready (restarts: " + restarts(service) + ")");
    }

    /** How many times the supervisor restarted this service since {@link #start()}. */
    public int restarts(PrivetService service) {
        Supervisor current = supervisor;
        return current == null ? 0 : current.restarts(process(service));
    }

    /**
     * Kills the Kafka broker with SIGKILL, as a crash would; returns once it is gone. The supervisor
     * starts it again on the same data; {@link #awaitKafkaReady()} waits for that.
     */
    public synchronized void killKafka() {
        kafka.kill();
    }

    /** Waits until the broker's process is alive and it answers a metadata request, for at most the ready timeout. */
    public void awaitKafkaReady() {
        awaitReady(kafka, () -> "log: " + kafka.serverLog() + "\n" + LogTail.of(kafka.serverLog(), 0, 40));
        progress.accept("kafka is ready (restarts: " + kafkaRestarts() + ")");
    }

    /** How many times the supervisor restarted the Kafka broker since {@link #start()}. */
    public int kafkaRestarts() {
        Supervisor current = supervisor;
        return current == null ? 0 : current.restarts(kafka);
    }

    /**
     * The secret a request to a service itself (not through the gateway) must carry in
     * {@code X-Privet-Gateway-Secret}, such as an operator's call of a service's {@code /admin} API.
     */
    public String gatewaySecret() {
        return gatewaySecret;
    }

    /** The gateway's base URL, {@code http://127.0.0.1:8080} by default. */
    public String gatewayUrl() {
        return serviceUrl(PrivetService.GATEWAY);
    }

    /** A service's base URL, by short or module name ({@code "provider"} or {@code "provider-service"}). */
    public String serviceUrl(String name) {
        return serviceUrl(PrivetService.byName(name));
    }

    /** A service's base URL, {@code http://127.0.0.1:<port>}. */
    public String serviceUrl(PrivetService service) {
        return ServiceSettings.url(ports.http(service));
    }

    /** The port of the DNS server of dns-service (UDP and TCP, on the loopback address). */
    public int dnsPort() {
        return ports.dns();
    }

    /** The Kafka bootstrap servers, {@code 127.0.0.1:9092} by default. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The JDBC URL of a database: {@code network}, {@code provider}, {@code consumer}, {@code dns} or {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(Objects.requireNonNull(database, "database"));
    }

    /** The PostgreSQL user of every database (a superuser). */
    public String databaseUser() {
        return EmbeddedPostgresServer.USER;
    }

    /** The PostgreSQL password (the server trusts local connections; this is what the services are given). */
    public String databasePassword() {
        return EmbeddedPostgresServer.PASSWORD;
    }

    /** Every port of this cluster, the same across restarts. */
    public Ports ports() {
        return ports;
    }

    /** The services this cluster runs. */
    public List<PrivetService> services() {
        return services;
    }

    /** The checkout whose service jars this cluster runs (where {@code ./privet} is). */
    public Path repositoryRoot() {
        return repositoryRoot;
    }

    /** Where the data and the logs are. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The folder of the service logs ({@code <data>/logs}). */
    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** A service's log file: {@code <data>/logs/<module>.log}. */
    public Path logFile(PrivetService service) {
        return logDirectory().resolve(service.moduleName() + ".log");
    }

    /** The Kafka broker's log file: {@code <data>/kafka/server.log}. */
    public Path kafkaLogFile() {
        return kafka.serverLog();
    }

    private void prepare() {
        try {
            Files.createDirectories(logDirectory());
        } catch (IOException e) {
            throw new ClusterStartException("cannot create the data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
        OwnerPidFile.liveOwner(dataDirectory).ifPresent(pid -> {
            throw new ClusterAlreadyRunningException(pid, dataDirectory);
        });
        List<String> missing = services.stream()
                .filter(s -> !Files.isRegularFile(s.runJar(repositoryRoot)))
                .map(s -> s.moduleName() + " (" + repositoryRoot.relativize(s.runJar(repositoryRoot)) + ")")
                .toList();
        if (!missing.isEmpty()) {
            throw new ClusterStartException("not built yet: " + String.join(", ", missing)
                    + "; build them with: cd " + repositoryRoot + " && ./mvnw -B -DskipTests package");
        }
        BrokerClasspath.resolve();
        List<ProcessHandle> leftovers = LeftoverProcesses.find(dataDirectory, dataDirectory.resolve("postgres"));
        if (!leftovers.isEmpty()) {
            LeftoverProcesses.stopAll(leftovers, progress);
        }
        PortCheck.requireFree(claimedPorts());
    }

    /** The ports of the parts this cluster runs. */
    private List<PortClaim> claimedPorts() {
        List<PortClaim> claims = new ArrayList<>();
        for (PortClaim claim : ports.claims()) {
            boolean wanted = services.stream().anyMatch(s -> ports.http(s) == claim.port())
                    || claim.port() == ports.postgres() || claim.port() == ports.kafka() || claim.port() == ports.kafkaController()
                    || (claim.port() == ports.dns() && services.contains(PrivetService.DNS));
            if (wanted) {
                claims.add(claim);
            }
        }
        return claims;
    }

    private void startPostgres() {
        Elapsed elapsed = Elapsed.start();
        if (!Files.exists(dataDirectory.resolve("postgres/postgresql.conf"))) {
            progress.accept("postgres: creating a new database cluster in " + dataDirectory.resolve("postgres"));
        }
        postgresUp = true;
        postgres.start();
        postgres.createDatabases(PrivetService.databaseNames());
        progress.accept("postgres ready on " + ports.postgres() + " (" + elapsed + ")");
        writeState("starting");
    }

    private void startKafka() {
        checkNotCancelled();
        Elapsed elapsed = Elapsed.start();
        if (!kafka.isFormatted()) {
            progress.accept("kafka: formatting a new data directory in " + dataDirectory.resolve("kafka/data"));
        }
        kafkaUp = true;
        kafka.start(Duration.ofSeconds(90), () -> stopRequested);
        progress.accept("kafka ready on " + ports.kafka() + " (" + elapsed + ")");
        writeState("starting");
    }

    private void startServices() {
        checkNotCancelled();
        if (services.isEmpty()) {
            return;
        }
        progress.accept("starting " + String.join(", ", services.stream().map(PrivetService::moduleName).toList())
                + " (logs in " + logDirectory() + ")");
        List<ServiceProcess> launched = new ArrayList<>();
        for (PrivetService service : services) {
            ServiceProcess process = processes.get(service);
            process.launch();
            launched.add(process);
        }
        writeState("starting");
        ReadinessWait.awaitAll(launched, readyTimeout, progress, () -> stopRequested, ports);
    }

    /** Once everything is ready: from now on an exit of the broker or a service is a crash, healed by a restart. */
    private void superviseChildren() {
        Supervisor fresh = new Supervisor(RestartPolicy.standard(), progress, this::writeState);
        supervisor = fresh;
        fresh.supervise(kafka);
        processes.values().forEach(fresh::supervise);
    }

    private void endSupervision() {
        Supervisor current = supervisor;
        if (current != null) {
            current.close();
            supervisor = null;
        }
    }

    private Supervisor requireSupervisor() {
        Supervisor current = supervisor;
        if (!started || current == null) {
            throw new IllegalStateException("start the cluster first");
        }
        return current;
    }

    private ServiceProcess process(PrivetService service) {
        ServiceProcess process = processes.get(Objects.requireNonNull(service, "service"));
        if (process == null) {
            throw new IllegalArgumentException(service.moduleName() + " is not one of the services of this cluster: " + services);
        }
        return process;
    }

    /** Waits until a supervised child is alive and ready; the supervisor restarts it meanwhile if it exits. */
    private void awaitReady(Restartable child, Supplier<String> log) {
        ReadinessWait.awaitSupervised(child, () -> stopRequested ? null : supervisor, readyTimeout, log);
    }

    private ServiceProcess newServiceProcess(PrivetService service) {
        Map<String, String> settings = ServiceSettings.of(service, ports, kafka.bootstrapServers(), postgres::jdbcUrl,
                gatewaySecret, serviceProperties.getOrDefault(service, Map.of()));
        return new ServiceProcess(service, service.runJar(repositoryRoot), settings, serviceJvmOptions,
                LeftoverProcesses.markers(dataDirectory), logFile(service), ports.http(service), repositoryRoot);
    }

    private void checkNotCancelled() {
        if (stopRequested) {
            throw new ClusterStartException("start cancelled: the cluster is being stopped");
        }
    }

    /** Gateway first, then the services together, then Kafka, then PostgreSQL. */
    private void stopEverything() {
        ServiceProcess gateway = processes.get(PrivetService.GATEWAY);
        if (gateway != null) {
            stopServices(List.of(gateway));
        }
        stopServices(processes.values().stream().filter(p -> p.service() != PrivetService.GATEWAY).toList());
        if (kafkaUp) {
            Elapsed elapsed = Elapsed.start();
            kafka.stop();
            kafkaUp = false;
            progress.accept("kafka stopped (" + elapsed + ")");
        }
        if (postgresUp) {
            Elapsed elapsed = Elapsed.start();
            postgres.stop();
            postgresUp = false;
            progress.accept("postgres stopped (" + elapsed + ")");
        }
    }

    private void stopServices(List<ServiceProcess> candidates) {
        List<ServiceProcess> alive = candidates.stream().filter(ServiceProcess::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        Elapsed elapsed = Elapsed.start();
        alive.forEach(ServiceProcess::requestStop);
        alive.forEach(p -> p.awaitStop(SERVICE_STOP_GRACE));
        progress.accept(String.join(", ", alive.stream().map(p -> p.service().moduleName()).toList())
                + " stopped (" + elapsed + ")");
    }

    private void installShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "privet-local-cluster-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: it finds nothing left to stop
            }
        }
        shutdownHook = null;
    }

    private void writeState(String newLifecycle) {
        lifecycle = newLifecycle;
        writeState();
    }

    /** Rewrites {@code cluster.properties}; also called by the supervisor after each crash and restart. */
    private void writeState() {
        synchronized (stateFileLock) {
            Supervisor current = supervisor;
            Properties p = new Properties();
            p.setProperty("state", lifecycle);
            p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            p.setProperty("dataDirectory", dataDirectory.toString());
            p.setProperty("repositoryRoot", repositoryRoot.toString());
            if (startedAt != null) {
                p.setProperty("startedAt", startedAt.toString());
            }
            p.setProperty("gatewaySecret", gatewaySecret);
            p.setProperty("postgres.port", Integer.toString(ports.postgres()));
            p.setProperty("postgres.jdbcUrl", postgres.jdbcUrl("<database>"));
            p.setProperty("postgres.log", logDirectory().resolve("postgres.log").toString());
            p.setProperty("kafka.port", Integer.toString(ports.kafka()));
            p.setProperty("kafka.bootstrap", kafka.bootstrapServers());
            p.setProperty("kafka.log", kafka.serverLog().toString());
            if (postgresUp) {
                p.setProperty("postgres.pid", Long.toString(postgres.pid()));
            }
            if (kafkaUp && kafka.pid() > 0) {
                p.setProperty("kafka.pid", Long.toString(kafka.pid()));
            }
            supervision(p, "kafka", kafka, current);
            p.setProperty("services", String.join(",", services.stream().map(PrivetService::moduleName).toList()));
            for (PrivetService service : services) {
                String key = "service." + service.moduleName();
                ServiceProcess process = processes.get(service);
                p.setProperty(key + ".port", Integer.toString(ports.http(service)));
                p.setProperty(key + ".url", serviceUrl(service));
                p.setProperty(key + ".log", logFile(service).toString());
                if (process.pid() > 0) {
                    p.setProperty(key + ".pid", Long.toString(process.pid()));
                }
                supervision(p, key, process, current);
            }
            if (services.contains(PrivetService.DNS)) {
                p.setProperty("dns.port", Integer.toString(ports.dns()));
            }
            ClusterStateFile.write(dataDirectory, p);
        }
    }

    /** {@code <key>.supervision} (running, restarting, stopped) and {@code <key>.restarts}, while supervised. */
    private static void supervision(Properties p, String key, Restartable child, Supervisor current) {
        if (current != null) {
            p.setProperty(key + ".supervision", current.phase(child).name().toLowerCase(java.util.Locale.ROOT));
            p.setProperty(key + ".restarts", Integer.toString(current.restarts(child)));
        }
    }

    /** Options of a {@link LocalCluster}. Every option has a default. */
    public static final class Builder {

        private Path dataDirectory;
        private Path repositoryRoot;
        private Ports ports;
        private List<PrivetService> services = List.of(PrivetService.values());
        private Consumer<String> progress = System.out::println;
        private Duration readyTimeout = Duration.ofSeconds(180);
        private final Map<PrivetService, Map<String, String>> serviceProperties = new EnumMap<>(PrivetService.class);
        private List<String> serviceJvmOptions = List.of("-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError");

        private Builder() {
        }

        /** Where data and logs live; default {@code .privet/} in the checkout. Created when missing, never cleaned. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** The checkout, where the service jars are built; default: found upwards from the working directory. */
        public Builder repositoryRoot(Path root) {
            this.repositoryRoot = root;
            return this;
        }

        /** The ports; default {@link Ports#defaults()}. */
        public Builder ports(Ports ports) {
            this.ports = ports;
            return this;
        }

        /** Ports the operating system has free now ({@link Ports#randomFree()}), kept across restarts. */
        public Builder randomPorts() {
            this.ports = Ports.randomFree();
            return this;
        }

        /** The services to run; default all five. The gateway needs the other four to be useful. */
        public Builder services(PrivetService... services) {
            this.services = List.of(services);
            return this;
        }

        /** Only PostgreSQL and Kafka, no service. */
        public Builder infrastructureOnly() {
            this.services = List.of();
            return this;
        }

        /** Where progress lines go ({@code "kafka ready on 9092 (2.4 s)"}); default standard output. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** How long to wait for the services to be ready; default 180 s. */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** An extra system property for one service (wins over the cluster's own). */
        public Builder serviceProperty(PrivetService service, String name, String value) {
            serviceProperties.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** JVM options of every service; default {@code -Xms64m -Xmx512m -XX:+ExitOnOutOfMemoryError}. */
        public Builder serviceJvmOptions(String... options) {
            this.serviceJvmOptions = List.of(options);
            return this;
        }

        public LocalCluster build() {
            return new LocalCluster(this);
        }
    }
}

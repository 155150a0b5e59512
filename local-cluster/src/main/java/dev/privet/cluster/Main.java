package dev.privet.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the local cluster, run by {@code ./privet}:
 * <ul>
 *   <li>{@code up} starts everything in the foreground, prints where it all is, then a line
 *       {@code privet: ready}, and runs until SIGTERM or Ctrl-C; a failure prints
 *       {@code privet: failed: <why>} and exits with 1 (2 for a taken port or a running cluster);</li>
 *   <li>{@code status} says whether a cluster runs on the data directory and, probed now, whether
 *       each part's process is alive and answers, and how often it was restarted ({@link ClusterStatus});
 *       exits 0 when all is ready, 1 when a part is not, 3 when nothing runs;</li>
 *   <li>{@code help}.</li>
 * </ul>
 * Options: {@code --data-dir <dir>} (else {@code $PRIVET_DATA_DIR}, else {@code .privet/} in the
 * checkout) and {@code --repo <dir>} (the checkout; else found from the working directory). Ports
 * come from {@code PRIVET_<PART>_PORT} variables, see {@link Ports#fromEnvironment}.
 */
public final class Main {

    static final String READY_LINE = "privet: ready";
    static final String FAILED_PREFIX = "privet: failed: ";

    private static volatile boolean shuttingDown;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile", "dev/privet/cluster/launcher-log4j2.xml");
        int exit;
        try {
            exit = run(List.of(args), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("privet: " + e.getMessage());
            exit = 64;
        }
        if (!shuttingDown) {
            System.exit(exit);
        }
    }

    static int run(List<String> args, PrintStream out) {
        List<String> rest = new ArrayList<>(args);
        Path dataDirectory = option(rest, "--data-dir").map(Path::of)
                .or(() -> Optional.ofNullable(System.getenv("PRIVET_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of))
                .orElse(null);
        Path repository = option(rest, "--repo").map(Path::of).orElse(null);
        String command = rest.isEmpty() ? "help" : rest.remove(0);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", rest) + " (try: help)");
        }
        Path root = repository != null ? repository.toAbsolutePath() : RepositoryRoot.locate();
        Path data = (dataDirectory != null ? dataDirectory : root.resolve(".privet")).toAbsolutePath().normalize();
        return switch (command) {
            case "up" -> up(root, data, out);
            case "status" -> status(data, out);
            case "help", "--help", "-h" -> help(out);
            default -> throw new IllegalArgumentException("unknown command '" + command + "' (try: help)");
        };
    }

    private static int up(Path root, Path data, PrintStream out) {
        LocalCluster cluster = LocalCluster.builder()
                .repositoryRoot(root)
                .dataDirectory(data)
                .ports(Ports.fromEnvironment(System.getenv()))
                .progress(line -> {
                    out.println(line);
                    out.flush();
                })
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            if (cluster.isRunning()) {
                out.println("privet: stopping");
                cluster.stop();
                out.println("privet: stopped");
                out.flush();
            } else {
                cluster.stop(); // cancels a start in progress, which then stops what it had started
            }
            stopped.countDown();
        }, "privet-main-shutdown"));
        out.println("privet: starting the local cluster (pid " + ProcessHandle.current().pid() + ", data in " + data + ")");
        try {
            cluster.start();
        } catch (PortInUseException | ClusterAlreadyRunningException e) {
            out.println(FAILED_PREFIX + e.getMessage());
            return 2;
        } catch (ClusterStartException e) {
            out.println(FAILED_PREFIX + e.getMessage());
            return 1;
        }
        printWhere(cluster, out);
        out.println(READY_LINE);
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void printWhere(LocalCluster cluster, PrintStream out) {
        Ports ports = cluster.ports();
        out.println();
        out.println("Privet is running (pid " + ProcessHandle.current().pid() + ")");
        for (PrivetService service : orderForHumans(cluster.services())) {
            String note = switch (service) {
                case GATEWAY -> "   JSON API under /v1";
                case DNS -> "   DNS server on 127.0.0.1:" + ports.dns() + " (UDP and TCP)";
                default -> "";
            };
            out.printf(Locale.ROOT, "  %-17s http://localhost:%d%s%n", service.moduleName(), ports.http(service), note);
        }
        out.printf(Locale.ROOT, "  %-17s %s%n", "kafka", cluster.kafkaBootstrap());
        out.printf(Locale.ROOT, "  %-17s %s  (databases %s, user %s)%n", "postgres", cluster.jdbcUrl("<database>"),
                String.join(", ", PrivetService.databaseNames()), cluster.databaseUser());
        out.printf(Locale.ROOT, "  %-17s %s%n", "data", cluster.dataDirectory());
        out.printf(Locale.ROOT, "  %-17s %s/<service>.log, %s%n", "logs", cluster.logDirectory(), cluster.kafkaLogFile());
        out.println();
    }

    private static List<PrivetService> orderForHumans(List<PrivetService> services) {
        List<PrivetService> ordered = new ArrayList<>();
        if (services.contains(PrivetService.GATEWAY)) {
            ordered.add(PrivetService.GATEWAY);
        }
        for (PrivetService service : List.of(PrivetService.PROVIDER, PrivetService.CONSUMER, PrivetService.NETWORK, PrivetService.DNS)) {
            if (services.contains(service)) {
                ordered.add(service);
            }
        }
        return ordered;
    }

    private static int status(Path data, PrintStream out) {
        Optional<Long> owner = OwnerPidFile.read(data).filter(OwnerPidFile::isLiveJava);
        Optional<Properties> state = ClusterStateFile.read(data);
        if (owner.isEmpty()) {
            String last = state.map(p -> p.getProperty("state", "")).orElse("");
            out.println("Privet is not running (data in " + data + ")."
                    + ("failed".equals(last) ? " Its last start failed: see " + data.resolve("logs/privet.log") + "." : ""));
            return 3;
        }
        Properties p = state.orElseGet(Properties::new);
        ClusterStatus status = ClusterStatus.probe(p);
        String since = Optional.ofNullable(p.getProperty("startedAt")).map(Instant::parse)
                .map(t -> ", up " + human(Duration.between(t, Instant.now()))).orElse("");
        String where = " (pid " + owner.get() + since + "; data in " + data + ")";
        String lifecycle = p.getProperty("state", "");
        boolean ready = status.ready() && "running".equals(lifecycle);
        if (ready) {
            out.println("Privet is ready" + where);
        } else if (lifecycle.equals("starting") || lifecycle.equals("stopping")) {
            out.println("Privet is " + lifecycle + where);
        } else {
            List<String> problems = status.problems().isEmpty() ? List.of("the launcher is " + lifecycle) : status.problems();
            out.println("Privet is not ready" + where + ": " + String.join("; ", problems));
        }
        status.print(out);
        if (p.getProperty("dns.port") != null) {
            out.printf(Locale.ROOT, "  %-17s 127.0.0.1:%s (UDP and TCP)%n", "dns server", p.getProperty("dns.port"));
        }
        return ready ? 0 : 1;
    }

    private static String human(Duration duration) {
        long s = duration.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min" : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    private static int help(PrintStream out) {
        try (InputStream in = Main.class.getResourceAsStream("help.txt")) {
            out.print(in == null ? "usage: up | status | help\n" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            out.println("usage: up | status | help");
        }
        return 0;
    }

    private static Optional<String> option(List<String> args, String name) {
        int index = args.indexOf(name);
        if (index < 0) {
            for (String arg : List.copyOf(args)) {
                if (arg.startsWith(name + "=")) {
                    args.remove(arg);
                    return Optional.of(arg.substring(name.length() + 1));
                }
            }
            return Optional.empty();
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(index + 1);
        args.remove(index + 1);
        args.remove(index);
        return Optional.of(value);
    }

}

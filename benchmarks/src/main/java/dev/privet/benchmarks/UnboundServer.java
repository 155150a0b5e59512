package dev.privet.benchmarks;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unbound as the peer: a child process on 127.0.0.1 and a free port, one thread, serving exactly the published names
 * as local data in a static zone {@code vpce.amazonaws.com} (with Privet's SOA, so its NXDOMAIN answers carry it as
 * Privet's do), cache and everything else at Unbound's defaults. Its config, log and pid are in the run's folder.
 */
final class UnboundServer implements AutoCloseable {
    static final String ZONE = "vpce.amazonaws.com";
    /** Privet's SOA for the zone (dns-service's DnsAnswers), TTL and negative TTL 60. */
    static final String SOA = ZONE + ". 60 IN SOA ns.privet.internal. hostmaster.privet.internal. 1 3600 600 86400 60";
    static final int TTL = 60;

    private final Process process;
    private final int port;
    private final Path log;

    private UnboundServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Writes the config into {@code dir}, starts {@code binary} on it and waits until it answers the first name. */
    static UnboundServer start(String binary, Path dir, List<PublishedNames.Name> names) throws Exception {
        int port = freePort();
        Path config = dir.resolve("unbound.conf");
        Files.writeString(config, config(dir, port, names));
        Path log = dir.resolve("unbound.log");
        Process process = new ProcessBuilder(binary, "-d", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        UnboundServer server = new UnboundServer(process, port, log);
        Files.writeString(dir.resolve("unbound.pid"), process.pid() + "\n"); // for the script's trap
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try {
            new DnsProbe("unbound", port).awaitAnswer(names.getFirst().name(), Duration.ofSeconds(15), process::isAlive);
        } catch (RuntimeException e) {
            server.close();
            throw new IllegalStateException(e.getMessage() + "; unbound's log " + log + ":\n" + server.logText(), e);
        }
        return server;
    }

    static String config(Path dir, int port, List<PublishedNames.Name> names) {
        StringBuilder c = new StringBuilder();
        c.append("# Written by DnsBenchmark: the names Privet publishes, and nothing else.\n")
                .append("server:\n")
                .append("    interface: 127.0.0.1@").append(port).append('\n')
                .append("    port: ").append(port).append('\n')
                .append("    num-threads: 1\n")
                .append("    do-daemonize: no\n")
                .append("    chroot: \"\"\n")
                .append("    username: \"\"\n")
                .append("    directory: \"").append(dir).append("\"\n")
                .append("    pidfile: \"\"\n")
                .append("    use-syslog: no\n")
                .append("    logfile: \"\"\n")
                .append("    access-control: 127.0.0.0/8 allow\n")
                .append("    do-ip6: no\n")
                .append("    so-reuseport: no\n")
                .append("    local-zone: \"").append(ZONE).append(".\" static\n")
                .append("    local-data: \"").append(SOA).append("\"\n");
        for (PublishedNames.Name name : names) {
            for (String address : name.addresses()) {
                c.append("    local-data: \"").append(name.name()).append(". ").append(TTL).append(" IN A ")
                        .append(address).append("\"\n");
            }
        }
        return c.toString();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops it (SIGTERM, then SIGKILL after 5 s); safe to call twice. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A port free on 127.0.0.1 for both UDP and TCP, as far as one can tell before Unbound binds it. */
    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
                int port = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket()) {
                    tcp.bind(new InetSocketAddress(loopback, port));
                    return port;
                } catch (IOException taken) {
                    // the TCP port of that number is in use: try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1 after 20 tries");
    }
}

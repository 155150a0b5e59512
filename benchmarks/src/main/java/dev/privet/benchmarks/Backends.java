package dev.privet.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The servers every path leads to, on 127.0.0.1: iperf3's server (bulk throughput), nginx serving a 1 KiB file
 * (requests), and {@link EchoServer} (idle connections), each a process of its own, so that the sockets of the
 * idle connections' backend do not count against this driver's limit on open files. Their configs and logs are in
 * the run's folder.
 */
final class Backends implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String FILE = "/1k";
    static final int FILE_BYTES = 1024;

    /** The ports, the same on every path: direct, HAProxy's address and the data plane address. */
    record Ports(int iperf, int http, int echo) {
        List<Integer> all() {
            return List.of(iperf, http, echo);
        }
    }

    private final Daemon iperf;
    private final Daemon nginx;
    private final Daemon echo;

    private Backends(Daemon iperf, Daemon nginx, Daemon echo) {
        this.iperf = iperf;
        this.nginx = nginx;
        this.echo = echo;
    }

    static Backends start(Ports ports, Path dir, String iperf3, String nginxBinary, int nginxWorkers) throws Exception {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.write(www.resolve(FILE.substring(1)), new byte[FILE_BYTES]);
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, nginxConfig(dir, www, ports.http(), nginxWorkers));
        Daemon iperfServer = Daemon.start("iperf3-server", dir,
                List.of(iperf3, "-s", "-B", HOST, "-p", Integer.toString(ports.iperf())), HOST, ports.iperf());
        Daemon nginx = Daemon.start("nginx", dir, List.of(nginxBinary, "-p", dir.toString(), "-e", "nginx-error.log",
                "-c", config.toString()), HOST, ports.http());
        String java = ProcessHandle.current().info().command().orElse("java");
        Daemon echo = Daemon.start("echo", dir, List.of(java, "-cp", System.getProperty("java.class.path"),
                EchoServer.class.getName(), HOST, Integer.toString(ports.echo())), HOST, ports.echo());
        return new Backends(iperfServer, nginx, echo);
    }

    /**
     * One process serving with {@code workers} workers (with a master only above one), no access log, keep-alive
     * without a request limit, so that wrk measures the path and not nginx's reconnects.
     */
    static String nginxConfig(Path dir, Path www, int port, int workers) {
        return """
                # Written by DataPlaneBenchmark: a 1 KiB file on 127.0.0.1:%d.
                daemon off;
                master_process %s;
                worker_processes %d;
                pid %s;
                events { worker_connections 65536; }
                http {
                    access_log off;
                    keepalive_requests 100000000;
                    keepalive_timeout 300s;
                    client_body_temp_path %s;
                    proxy_temp_path %s;
                    fastcgi_temp_path %s;
                    uwsgi_temp_path %s;
                    scgi_temp_path %s;
                    server {
                        listen %s:%d backlog=4096 reuseport;
                        root %s;
                    }
                }
                """.formatted(port, workers > 1 ? "on" : "off", workers, dir.resolve("nginx-own.pid"), dir, dir, dir, dir,
                dir, HOST, port, www);
    }

    List<Daemon> daemons() {
        return List.of(iperf, nginx, echo);
    }

    @Override
    public void close() {
        echo.close();
        nginx.close();
        iperf.close();
    }
}

package dev.privet.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The servers every path leads to, on 127.0.0.1: iperf3's server (bulk throughput), nginx serving a 1 KiB file
 * (requests), and an echo server in this driver (idle connections). Their configs and logs are in the run's folder.
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
    private final EchoServer echo;

    private Backends(Daemon iperf, Daemon nginx, EchoServer echo) {
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
        return new Backends(iperfServer, nginx, new EchoServer(ports.echo()));
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
        return List.of(iperf, nginx);
    }

    @Override
    public void close() {
        echo.close();
        nginx.close();
        iperf.close();
    }

    /** Writes back what it reads, on a virtual thread per connection, until the peer closes. */
    static final class EchoServer implements AutoCloseable {
        private final ServerSocket server;
        private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

        EchoServer(int port) throws IOException {
            server = new ServerSocket(port, 4096, InetAddress.getByName(HOST));
            Thread.ofPlatform().daemon().name("echo-accept").start(this::accept);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.submit(() -> echo(s));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void echo(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                byte[] buffer = new byte[256]; // the idle test sends a few bytes at a time
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // the peer reset: the test's side reports it
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            connections.shutdownNow();
        }
    }
}

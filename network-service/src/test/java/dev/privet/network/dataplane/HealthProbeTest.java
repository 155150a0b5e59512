package dev.privet.network.dataplane;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.Target;
import dev.privet.network.domain.TargetHealth.Failure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** One health check against real servers on loopback: what passes and how each failure is reported. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HealthProbeTest {
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    HttpServer http;

    static HealthCheck check(String protocol, String path) {
        return new HealthCheck(protocol, "traffic-port", 5, 2, 2, 2, path);
    }

    /** Answers 200 at /health, 503 at /sick, 404 elsewhere. */
    static void answer(HttpServer server) {
        server.createContext("/", exchange -> {
            int status = switch (exchange.getRequestURI().getPath()) {
                case "/health" -> 200;
                case "/sick" -> 503;
                default -> 404;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    Target started(HttpServer server) {
        http = server;
        answer(server);
        return new Target("127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void a_tcp_check_passes_when_the_connection_is_accepted_and_fails_when_refused() throws IOException {
        Target up = started(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        assertThat(HealthProbe.check(check("TCP", null), up, TIMEOUT)).isEmpty();

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(HealthProbe.check(check("TCP", null), new Target("127.0.0.1", closed), TIMEOUT))
                .contains(Failure.REFUSED);
    }

    @Test
    void an_http_check_passes_on_a_2xx_or_3xx_and_names_any_other_code() throws IOException {
        Target target = started(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));

        assertThat(HealthProbe.check(check("HTTP", "/health"), target, TIMEOUT)).isEmpty();
        assertThat(HealthProbe.check(check("HTTP", "/sick"), target, TIMEOUT)).contains(Failure.responseCode(503));
        assertThat(HealthProbe.check(check("HTTP", null), target, TIMEOUT)).contains(Failure.responseCode(404));
    }

    @Test
    void an_http_check_of_a_server_that_never_answers_times_out() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(HealthProbe.check(check("HTTP", "/"), new Target("127.0.0.1", silent.getLocalPort()), TIMEOUT))
                    .contains(Failure.TIMEOUT);
        }
    }

    @Test
    void a_check_on_another_port_than_the_traffic_port_connects_there() throws IOException {
        Target target = started(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        HealthCheck elsewhere = new HealthCheck("HTTP", Integer.toString(target.port()), 5, 2, 2, 2, "/health");

        assertThat(HealthProbe.check(elsewhere, new Target("127.0.0.1", 1), TIMEOUT)).isEmpty();
    }

    @Test
    void an_https_check_does_not_verify_the_targets_certificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("self-signed.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "target", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=target",
                "-validity", "1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));

        Target target = started(server);
        assertThat(HealthProbe.check(check("HTTPS", "/health"), target, TIMEOUT)).isEmpty();
        assertThat(HealthProbe.check(check("HTTPS", "/sick"), target, TIMEOUT)).contains(Failure.responseCode(503));
        assertThat(HealthProbe.check(check("HTTP", "/health"), target, TIMEOUT)).isNotEmpty(); // TLS spoken to
    }
}

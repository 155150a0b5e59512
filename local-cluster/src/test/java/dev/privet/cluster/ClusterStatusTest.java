package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code privet status} against real listeners on the loopback address: TCP sockets standing in for PostgreSQL and
 * Kafka, and HTTP servers answering {@code /q/health/ready} as a ready (200) or a starting (503) service would.
 */
class ClusterStatusTest {

    @TempDir
    Path data;

    private ServerSocket postgres;
    private ServerSocket kafka;
    private HttpServer ready;
    private HttpServer starting;
    private final long alivePid = ProcessHandle.current().pid();
    private long deadPid;

    @BeforeEach
    void listen() throws Exception {
        postgres = listener();
        kafka = listener();
        ready = health(200);
        starting = health(503);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        deadPid = gone.pid();
    }

    @AfterEach
    void close() throws Exception {
        postgres.close();
        kafka.close();
        ready.stop(0);
        starting.stop(0);
    }

    @Test
    void every_part_alive_and_answering_is_ready() {
        Properties state = state();
        state.setProperty("services", "network-service,gateway");
        service(state, "network-service", ready.getAddress().getPort(), alivePid, "running", 2);
        service(state, "gateway", ready.getAddress().getPort(), alivePid, "running", 0);

        ClusterStatus status = ClusterStatus.probe(state);

        assertThat(status.ready()).isTrue();
        assertThat(status.problems()).isEmpty();
        assertThat(status.parts()).extracting(ClusterStatus.Part::name, ClusterStatus.Part::readiness, ClusterStatus.Part::restarts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("postgres", "answers", "-"),
                        org.assertj.core.groups.Tuple.tuple("kafka", "answers", "1"),
                        org.assertj.core.groups.Tuple.tuple("network-service", "ready", "2"),
                        org.assertj.core.groups.Tuple.tuple("gateway", "ready", "0"));
        assertThat(status.parts().get(2).process()).isEqualTo("pid " + alivePid + " alive");
    }

    @Test
    void a_dead_process_a_starting_service_and_a_silent_broker_are_each_named() throws Exception {
        Properties state = state();
        int silentPort = kafka.getLocalPort();
        kafka.close();
        state.setProperty("services", "network-service,provider-service,gateway");
        service(state, "network-service", ready.getAddress().getPort(), deadPid, "restarting", 1);
        service(state, "provider-service", starting.getAddress().getPort(), alivePid, "running", 0);
        service(state, "gateway", ready.getAddress().getPort(), deadPid, "stopped", 0);

        ClusterStatus status = ClusterStatus.probe(state);

        assertThat(status.ready()).isFalse();
        assertThat(status.problems()).containsExactly(
                "kafka: not answering",
                "network-service: process gone (restarting)",
                "provider-service: not ready (503)",
                "gateway: process gone (stopped)");
        assertThat(status.parts().get(2).process()).isEqualTo("pid " + deadPid + " gone, restarting");
        assertThat(status.parts().get(2).readiness()).as("something else answers on its port, but its process is gone")
                .isEqualTo("ready");
        assertThat(silentPort).isPositive();
    }

    @Test
    void the_first_line_says_ready_only_when_every_part_is() throws Exception {
        Properties state = state();
        state.setProperty("services", "network-service");
        service(state, "network-service", ready.getAddress().getPort(), alivePid, "running", 0);
        Files.writeString(data.resolve(OwnerPidFile.NAME), alivePid + "\n");
        ClusterStateFile.write(data, state);

        assertThat(status()).startsWith("Privet is ready (pid " + alivePid);

        service(state, "network-service", ready.getAddress().getPort(), deadPid, "restarting", 1);
        ClusterStateFile.write(data, state);
        String output = status();

        assertThat(output).startsWith("Privet is not ready (pid " + alivePid)
                .contains("): network-service: process gone (restarting)\n")
                .containsPattern("network-service +http://127\\.0\\.0\\.1:\\d+ +pid " + deadPid + " gone, restarting +ready +1");
    }

    private String status() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = Main.run(List.of("status", "--data-dir", data.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(output.startsWith("Privet is ready") ? 0 : 1);
        return output;
    }

    private Properties state() {
        Properties state = new Properties();
        state.setProperty("state", "running");
        state.setProperty("postgres.port", Integer.toString(postgres.getLocalPort()));
        state.setProperty("postgres.pid", Long.toString(alivePid));
        state.setProperty("kafka.port", Integer.toString(kafka.getLocalPort()));
        state.setProperty("kafka.bootstrap", "127.0.0.1:" + kafka.getLocalPort());
        state.setProperty("kafka.pid", Long.toString(alivePid));
        state.setProperty("kafka.supervision", "running");
        state.setProperty("kafka.restarts", "1");
        return state;
    }

    private static void service(Properties state, String name, int port, long pid, String supervision, int restarts) {
        state.setProperty("service." + name + ".url", "http://127.0.0.1:" + port);
        state.setProperty("service." + name + ".pid", Long.toString(pid));
        state.setProperty("service." + name + ".supervision", supervision);
        state.setProperty("service." + name + ".restarts", Integer.toString(restarts));
    }

    private static ServerSocket listener() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }

    private static HttpServer health(int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}

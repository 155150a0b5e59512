package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts PostgreSQL and Kafka for real (no service), and checks both answer, across a restart, and
 * that a killed broker is started again by the supervisor. About 30 s on an idle machine;
 * {@code -Dprivet.skipInfrastructureTest=true} skips it.
 */
@DisabledIfSystemProperty(named = "privet.skipInfrastructureTest", matches = "true")
class InfrastructureTest {

    @TempDir
    Path data;

    @Test
    void postgresAndKafkaAnswerAndKeepTheirDataAcrossARestart() throws Exception {
        List<String> lines = new ArrayList<>();
        try (LocalCluster cluster = LocalCluster.builder().infrastructureOnly().randomPorts().dataDirectory(data)
                .progress(line -> {
                    lines.add(line);
                    System.out.println(line);
                }).build()) {
            cluster.start();
            assertThat(lines).anyMatch(l -> l.startsWith("postgres ready on " + cluster.ports().postgres() + " ("))
                    .anyMatch(l -> l.startsWith("kafka ready on " + cluster.ports().kafka() + " ("));
            for (String db : PrivetService.databaseNames()) {
                assertThat(query(cluster, db, "SELECT current_database()")).isEqualTo(db);
            }
            execute(cluster, "provider", "CREATE TABLE kept (id int)");
            try (Admin admin = admin(cluster)) {
                admin.createTopics(List.of(new NewTopic("privet.test", 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
            }
            assertThat(Files.readString(data.resolve("privet.pid")).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
            long brokerPid = Long.parseLong(ClusterStateFile.read(data).orElseThrow().getProperty("kafka.pid"));

            cluster.restart();

            assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)).as("old broker gone").isFalse();
            assertThat(query(cluster, "provider", "SELECT count(*) FROM kept")).isEqualTo("0");
            try (Admin admin = admin(cluster)) {
                Set<String> topics = admin.listTopics().names().get(20, TimeUnit.SECONDS);
                assertThat(topics).contains("privet.test");
            }
            assertThat(Files.readString(data.resolve("kafka/server.log"))).contains("Kafka Server started");
        }
        assertThat(data.resolve("privet.pid")).doesNotExist();
        assertThat(ProcessHandle.current().children().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)))
                .as("no broker left").isEmpty();
        assertThat(EmbeddedPostgresServer.postmasterPid(data.resolve("postgres"))).as("no postmaster left").isEmpty();
    }

    @Test
    void aKilledBrokerIsStartedAgainBySupervisorOnTheSameDataAndPort() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (LocalCluster cluster = LocalCluster.builder().infrastructureOnly().randomPorts().dataDirectory(data)
                .progress(line -> {
                    lines.add(line);
                    System.out.println(line);
                }).build()) {
            cluster.start();
            try (Admin admin = admin(cluster)) {
                admin.createTopics(List.of(new NewTopic("privet.kept", 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
            }
            long brokerPid = Long.parseLong(ClusterStateFile.read(data).orElseThrow().getProperty("kafka.pid"));

            cluster.killKafka();

            assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)).as("killed").isFalse();
            cluster.awaitKafkaReady();
            assertThat(cluster.kafkaRestarts()).isEqualTo(1);
            assertThat(lines).contains("the Kafka broker exited with code 137; restarting in 1 s (restart 1)");
            try (Admin admin = admin(cluster)) {
                assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("privet.kept");
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Properties state = ClusterStateFile.read(data).orElseThrow();
                assertThat(state.getProperty("kafka.pid")).isNotEqualTo(Long.toString(brokerPid));
                assertThat(state).containsEntry("kafka.restarts", "1").containsEntry("kafka.supervision", "running");
            });
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            int exit = Main.run(List.of("status", "--data-dir", data.toString()), new PrintStream(status, true, StandardCharsets.UTF_8));
            assertThat(status.toString(StandardCharsets.UTF_8)).startsWith("Privet is ready (pid " + ProcessHandle.current().pid())
                    .containsPattern("kafka +127\\.0\\.0\\.1:" + cluster.ports().kafka() + " +pid \\d+ alive +answers +1");
            assertThat(exit).isZero();
        }
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRuns() throws Exception {
        Ports ports = Ports.randomFree();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", ports.kafka()));
            LocalCluster cluster = LocalCluster.builder().infrastructureOnly().ports(ports).dataDirectory(data)
                    .progress(line -> { }).build();
            assertThatThrownBy(cluster::start)
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("port " + ports.kafka() + " is already in use, and the Kafka broker needs it");
        }
        assertThat(data.resolve("postgres")).doesNotExist();
        assertThat(data.resolve("privet.pid")).doesNotExist();
    }

    private static Admin admin(LocalCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrap()));
    }

    private static String query(LocalCluster cluster, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(db), cluster.databaseUser(), cluster.databasePassword());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void execute(LocalCluster cluster, String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(db), cluster.databaseUser(), cluster.databasePassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

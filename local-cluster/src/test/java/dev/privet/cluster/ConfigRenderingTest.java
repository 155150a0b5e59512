package dev.privet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ConfigRenderingTest {

    private final Ports ports = new Ports(1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void brokerIsOneKraftNodeOnTheLoopbackAddressOnly() throws Exception {
        KafkaBrokerConfig config = new KafkaBrokerConfig(19092, 19093, Path.of("/data/kafka/data"));
        Properties p = new Properties();
        p.load(new StringReader(config.serverProperties()));

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:19093");
        assertThat(p.getProperty("log.dirs")).isEqualTo("/data/kafka/data");
        assertThat(p).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void brokerLogsToServerLogInItsDirectory() {
        String xml = KafkaBrokerConfig.log4jConfiguration(Path.of("/data/kafka"));
        assertThat(xml).contains("fileName=\"/data/kafka/server.log\"", "filePattern=\"/data/kafka/server.log.%i\"",
                "pattern=\"[%d] %p %m (%c)%n\"");
    }

    @Test
    void aServiceGetsItsPortKafkaAndItsOwnDatabase() {
        Map<String, String> settings = ServiceSettings.of(PrivetService.PROVIDER, ports, "127.0.0.1:7",
                db -> "jdbc:postgresql://127.0.0.1:9/" + db, "s3cret", Map.of());
        assertThat(settings).containsExactly(
                Map.entry("quarkus.http.port", "2"),
                Map.entry("quarkus.http.host", "127.0.0.1"),
                Map.entry("privet.gateway-secret", "s3cret"),
                Map.entry("kafka.bootstrap.servers", "127.0.0.1:7"),
                Map.entry("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:9/provider"),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "postgres"),
                Map.entry("privet.kafka.instance-id", "provider-local"));
    }

    @Test
    void eachServiceBehindTheGatewayHasAStableKafkaInstanceId() {
        for (PrivetService service : PrivetService.backends()) {
            assertThat(ServiceSettings.of(service, ports, "k", db -> "jdbc:" + db, "s3cret", Map.of()))
                    .containsEntry("privet.kafka.instance-id", service.shortName() + "-local");
        }
        assertThat(ServiceSettings.of(PrivetService.GATEWAY, ports, "k", db -> "jdbc:" + db, "s3cret", Map.of()))
                .as("the gateway has no Kafka client").doesNotContainKey("privet.kafka.instance-id");
    }

    @Test
    void theDnsServiceAlsoGetsItsDnsPort() {
        Map<String, String> settings = ServiceSettings.of(PrivetService.DNS, ports, "k", db -> "jdbc:" + db, "s3cret", Map.of());
        assertThat(settings).containsEntry("quarkus.http.port", "5").containsEntry("privet.dns.port", "6")
                .containsEntry("quarkus.datasource.jdbc.url", "jdbc:dns");
    }

    @Test
    void theGatewayGetsTheUrlsOfTheFourServicesTheSecretAndTheAccountHeaderButNoDatabase() {
        Map<String, String> settings = ServiceSettings.of(PrivetService.GATEWAY, ports, "k", db -> "jdbc:" + db,
                "s3cret", Map.of("privet.extra", "x"));
        assertThat(settings).containsExactly(
                Map.entry("quarkus.http.port", "1"),
                Map.entry("quarkus.http.host", "127.0.0.1"),
                Map.entry("privet.gateway-secret", "s3cret"),
                Map.entry("privet.auth.account-header", "true"),
                Map.entry("privet.auth.local-keys", "true"),
                Map.entry("privet.services.network.url", "http://127.0.0.1:4"),
                Map.entry("privet.services.provider.url", "http://127.0.0.1:2"),
                Map.entry("privet.services.consumer.url", "http://127.0.0.1:3"),
                Map.entry("privet.services.dns.url", "http://127.0.0.1:5"),
                Map.entry("privet.extra", "x"));
    }

    @Test
    void extraPropertiesWin() {
        Map<String, String> settings = ServiceSettings.of(PrivetService.NETWORK, ports, "k", db -> "jdbc:" + db,
                "s3cret", Map.of("quarkus.http.port", "42"));
        assertThat(settings).containsEntry("quarkus.http.port", "42");
    }

    @Test
    void javaCommandUsesTheRunningJdk() {
        List<String> command = JavaCommand.jar(Path.of("/repo/gateway/target/quarkus-app/quarkus-run.jar"))
                .jvmOptions(List.of("-Xmx512m"))
                .systemProperty("quarkus.http.port", 8080)
                .toList();
        assertThat(command).containsExactly(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=8080", "-jar", "/repo/gateway/target/quarkus-app/quarkus-run.jar");
        assertThat(JavaCommand.mainClass("a.jar:b.jar", "kafka.Kafka").arguments("server.properties").toList())
                .endsWith("-cp", "a.jar:b.jar", "kafka.Kafka", "server.properties");
    }
}

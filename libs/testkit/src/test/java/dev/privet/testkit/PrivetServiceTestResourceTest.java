package dev.privet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivetServiceTestResourceTest {

    @Test
    void startGivesSharedBrokerAndAFreshDatabasePerStart() throws SQLException {
        PrivetServiceTestResource resource = new PrivetServiceTestResource();
        resource.init(Map.of(PrivetServiceTestResource.DATABASE_ARG, "network"));

        Map<String, String> first = resource.start();
        Map<String, String> second = resource.start();
        resource.stop();

        assertThat(first).containsOnlyKeys("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password", "quarkus.http.test-port");
        assertThat(first).containsEntry("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers())
                .containsEntry("quarkus.http.test-port", "0");
        assertThat(first.get("quarkus.datasource.jdbc.url"))
                .contains("/network_")
                .isNotEqualTo(second.get("quarkus.datasource.jdbc.url"));
        try (Connection connection = DriverManager.getConnection(first.get("quarkus.datasource.jdbc.url"),
                first.get("quarkus.datasource.username"), first.get("quarkus.datasource.password"))) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }
}

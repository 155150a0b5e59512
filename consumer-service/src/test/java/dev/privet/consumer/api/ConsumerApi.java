package dev.privet.consumer.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Topic;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.testkit.PublishedEvents;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** The consumer-service API as a client calls it, and what a test checks behind it (the store, the topic). */
final class ConsumerApi {
    static final String PROVIDER = "222222222222";
    static final Duration ASYNC = Duration.ofSeconds(20);

    private ConsumerApi() {
    }

    static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    static String rootArn(String account) {
        return "arn:aws:iam::" + account + ":root";
    }

    static Map<String, Object> body(String serviceName, String vpcId, List<String> subnetIds) {
        return Map.of("serviceName", serviceName, "vpcId", vpcId, "subnetIds", subnetIds, "securityGroupIds", List.of());
    }

    static ValidatableResponse create(String account, Object body) {
        return given().header("X-Privet-Account", account).contentType(ContentType.JSON).body(body)
                .post("/v1/vpc-endpoints").then();
    }

    static ValidatableResponse create(String account, String idempotencyKey, Object body) {
        return given().header("X-Privet-Account", account).header(IdempotencyKey.HEADER, idempotencyKey)
                .contentType(ContentType.JSON).body(body).post("/v1/vpc-endpoints").then();
    }

    static ValidatableResponse get(String account, String id) {
        return given().header("X-Privet-Account", account).get("/v1/vpc-endpoints/" + id).then();
    }

    static ValidatableResponse list(String account) {
        return given().header("X-Privet-Account", account).get("/v1/vpc-endpoints").then();
    }

    static ValidatableResponse modify(String account, String id, Object body) {
        return given().header("X-Privet-Account", account).contentType(ContentType.JSON).body(body)
                .patch("/v1/vpc-endpoints/" + id).then();
    }

    static ValidatableResponse delete(String account, String id) {
        return given().header("X-Privet-Account", account).delete("/v1/vpc-endpoints/" + id).then();
    }

    static ValidatableResponse services(String account, String serviceName) {
        var request = given().header("X-Privet-Account", account);
        if (serviceName != null) {
            request = request.queryParam("serviceName", serviceName);
        }
        return request.get("/v1/vpc-endpoint-services").then();
    }

    /** How many events the store holds that {@code account} caused: by its id, or by any principal of it. */
    static long eventsBy(DataSource dataSource, String account) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "select count(*) from events where principal = ? or principal like ?")) {
            st.setString(1, account);
            st.setString(2, "arn:aws:iam::" + account + ":%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether the service catalog holds the service yet. */
    static boolean catalogHas(DataSource dataSource, String serviceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select 1 from catalog_services where service_id = ?")) {
            st.setString(1, serviceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The endpoint's request as it was published on the consumer topic; waits for it. */
    static EventEnvelope publishedRequest(String vpcEndpointId) {
        return PublishedEvents.onTestBroker().awaitEnvelope(Topic.CONSUMER, VpcEndpointRequested.class,
                r -> r.vpcEndpointId().equals(vpcEndpointId), ASYNC);
    }
}

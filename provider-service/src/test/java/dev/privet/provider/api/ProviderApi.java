package dev.privet.provider.api;

import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** provider-service's API as its tests drive it: requests, the answers they expect, and what the store holds. */
final class ProviderApi {
    static final String OWNER = "111122223333";
    static final String OTHER = "444455556666";
    static final String LB = "arn:aws:elasticloadbalancing:us-east-1:" + OWNER + ":loadbalancer/net/web/0123456789abcdef";
    static final String SERVICES = "/v1/endpoint-services";
    /** Bounds the waits for other services' events, which arrive asynchronously by design. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private ProviderApi() {
    }

    static Map<String, Object> withLoadBalancer() {
        return Map.of("networkLoadBalancerArns", List.of(LB));
    }

    static ValidatableResponse post(String account, String path, Object body) {
        return as(account).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static ValidatableResponse create(String account, String idempotencyKey, Object body) {
        RequestSpecification request = as(account).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header(IdempotencyKey.HEADER, idempotencyKey);
        }
        return request.post(SERVICES).then();
    }

    static ValidatableResponse get(String account, String path) {
        return as(account).get(path).then();
    }

    static ValidatableResponse delete(String account, String serviceId) {
        return as(account).delete(SERVICES + "/" + serviceId).then();
    }

    /** Creates a service of {@link #OWNER}; returns its id. */
    static String createService(Map<String, Object> body) {
        return post(OWNER, SERVICES, body).statusCode(201).extract().path("serviceId");
    }

    /** Creates a service and plays network-service's verification of its load balancers; returns its id. */
    static String available(boolean acceptanceRequired) throws Exception {
        String id = createService(Map.of("networkLoadBalancerArns", List.of(LB), "acceptanceRequired", acceptanceRequired));
        ForeignEvents.publish(new ServiceLoadBalancersVerified(id, List.of(LB)), OWNER);
        await().atMost(WAIT).untilAsserted(() ->
                get(OWNER, SERVICES + "/" + id).statusCode(200).body("serviceState", equalTo("Available")));
        return id;
    }

    static ValidatableResponse modifyPermissions(String account, String serviceId, Map<String, Object> body) {
        return post(account, SERVICES + "/" + serviceId + "/permissions", body);
    }

    static void allow(String serviceId, String account) {
        modifyPermissions(OWNER, serviceId, Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + account + ":root")))
                .statusCode(200);
    }

    /** An error answer: problem+json with the code and the field at fault. */
    static void problem(ValidatableResponse response, int status, String code, String field) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code))
                .body("field", equalTo(field));
    }

    /** How many events the store holds: a refused request must not change it. */
    static long eventCount(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select count(*) from events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RequestSpecification as(String account) {
        return account == null ? given() : given().header(Caller.HEADER, account);
    }
}

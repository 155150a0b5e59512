package dev.privet.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway in front of stub backends: what it forwards, what it returns, and its own errors. The account is
 * named in {@code X-Privet-Account}, as the local cluster allows ({@link JsonApiAuthTest} covers the other ways).
 */
@QuarkusTest
@QuarkusTestResource(value = StubBackends.class, restrictToAnnotatedClass = true)
@TestProfile(GatewayRoutingTest.AccountHeader.class)
class GatewayRoutingTest {
    static final String ACCOUNT = "111122223333";

    public static class AccountHeader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("privet.auth.account-header", "true", "privet.gateway-secret", "gateway-secret-1");
        }
    }

    static RequestSpecification given() {
        return RestAssured.given().header("X-Privet-Account", ACCOUNT);
    }

    @Test
    @DisplayName("forwards method, path, query, body and the headers that matter; returns status, body and type")
    void forwardsRequest() {
        given().urlEncodingEnabled(false)
                .header("Idempotency-Key", "abc-1")
                .header("X-Not-Forwarded", "secret")
                .contentType("application/json")
                .accept("application/json")
                .body("{\"networkLoadBalancerArns\":[\"arn:x\"]}")
                .post("/v1/endpoint-services/vpce-svc-0123456789abcdef0/permissions?dryRun=true&x=a%20b")
                .then().statusCode(201)
                .contentType(startsWith(StubBackends.ECHO_TYPE))
                .body("backend", equalTo("provider"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/v1/endpoint-services/vpce-svc-0123456789abcdef0/permissions"))
                .body("query", equalTo("dryRun=true&x=a%20b"))
                .body("body", equalTo("{\"networkLoadBalancerArns\":[\"arn:x\"]}"))
                .body("account", equalTo("111122223333"))
                .body("contentType", startsWith("application/json"))
                .body("accept", equalTo("application/json"))
                .body("idempotencyKey", equalTo("abc-1"))
                .body("secret", nullValue())
                .body("gatewaySecret", equalTo("gateway-secret-1"));
    }

    @Test
    @DisplayName("routes by the first path segments, the bare collection included")
    void routesByPrefix() {
        given().get("/v1/endpoint-services").then().statusCode(200).body("backend", equalTo("provider"))
                .body("method", equalTo("GET")).body("query", nullValue());
        given().delete("/v1/subnets/subnet-0123456789abcdef0").then().statusCode(200)
                .body("backend", equalTo("network")).body("method", equalTo("DELETE"));
        given().get("/v1/load-balancers?owner=1").then().statusCode(200).body("backend", equalTo("network"))
                .body("query", equalTo("owner=1"));
    }

    @Test
    @DisplayName("the request metrics count a proxied request under its route, not under its resource")
    void metricsByRoute() {
        given().get("/v1/subnets/subnet-0123456789abcdef0").then().statusCode(200);
        given().get("/v1/subnets/subnet-0123456789abcdef1").then().statusCode(200);
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/v1/subnets/{id}\"").doesNotContain("subnet-0123456789abcdef");
    }

    @Test
    @DisplayName("a service's error comes back as it was sent")
    void passesErrorsThrough() {
        given().get("/v1/vpcs/missing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("backend", equalTo("network"));
    }

    @Test
    @DisplayName("a service's 503 keeps its Retry-After, so a client knows when to retry")
    void passesRetryAfterThrough() {
        given().post("/v1/vpcs/busy").then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", equalTo("1"));
    }

    @Test
    @DisplayName("a path no service owns is 404 problem+json (the root is the Query API)")
    void unknownRoute() {
        for (String path : new String[] {"/v1/nothing-here", "/v2/endpoint-services", "/x", "/v1/endpoint-servicesX"}) {
            given().get(path).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo("NotFound"))
                    .body("status", equalTo(404))
                    .body("type", startsWith("urn:privet:problem:"))
                    .body("title", equalTo("Not Found"))
                    .body("detail", containsString(path));
        }
    }

    @Test
    @DisplayName("a service that does not answer is 502 problem+json naming it")
    void backendDown() {
        given().get("/v1/vpc-endpoints").then().statusCode(502)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo("ServiceUnavailable"))
                .body("status", equalTo(502))
                .body("detail", containsString("consumer"));
    }

    @Test
    @DisplayName("health is served by the gateway itself")
    void health() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}

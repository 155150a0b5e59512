package dev.privet.network.api;

import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** The network-service API as a client calls it. */
final class NetworkApi {
    static final String OWNER = "111122223333";
    static final String OTHER = "444455556666";
    /** How long a test waits for what is asynchronous by design: another service's events, a Kafka topic. */
    static final Duration ASYNC = Duration.ofSeconds(20);

    private NetworkApi() {
    }

    /** An account no other test uses, so its lists hold only what this test created. */
    static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    static RequestSpecification as(String account) {
        return given().header(Caller.HEADER, account).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String account, String idempotencyKey) {
        return as(account).header(IdempotencyKey.HEADER, idempotencyKey);
    }

    static String createVpc(String account, String cidr) {
        return as(account).body(Map.of("cidrBlock", cidr)).post("/v1/vpcs").then().statusCode(201)
                .extract().path("vpcId");
    }

    static String createSubnet(String account, String vpcId, String cidr, String zone) {
        return as(account).body(Map.of("vpcId", vpcId, "cidrBlock", cidr, "availabilityZone", zone))
                .post("/v1/subnets").then().statusCode(201).extract().path("subnetId");
    }

    /** A load balancer request listening on 443. */
    static Map<String, Object> loadBalancer(String name, String type, List<String> subnetIds,
                                            List<Map<String, Object>> targets) {
        return Map.of("name", name, "type", type, "subnetIds", subnetIds,
                "listeners", List.of(Map.of("protocol", "TCP", "port", 443)), "targets", targets);
    }

    static Map<String, Object> target(String host, int port) {
        return Map.of("host", host, "port", port);
    }

    static String createLoadBalancer(String account, String name, String type, String subnetId) {
        return as(account).body(loadBalancer(name, type, List.of(subnetId), List.of(target("127.0.0.1", 8443))))
                .post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");
    }

    /** The {@code idField} of every resource a collection GET lists for the account. */
    static List<String> listed(String account, String path, String idField) {
        return as(account).get(path).then().statusCode(200).extract().path(idField);
    }
}

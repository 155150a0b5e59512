package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import dev.privet.testkit.EchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The walking skeleton end to end: every service and the gateway as real processes, on a real Kafka broker and a
 * real PostgreSQL, driven through the gateway only, and a provider's backend reached through the endpoint's name. Each step is sent as soon as the previous one answered; the only
 * waits are for states that are asynchronous in AWS too (an endpoint becoming available or deleted), polled the way
 * the AWS CLI's waiters poll.
 *
 * <p>It runs on the {@link SharedCluster} in accounts of its own, and restarts that cluster in its second step: every
 * request asks the cluster for the gateway's URL and every lookup for the DNS port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("walking skeleton through the gateway against the real processes")
@ExtendWith(SharedCluster.class)
class WalkingSkeletonTest {
    static final String PROVIDER = "111122223333";
    static final String CONSUMER = "444455556666";
    static final Duration LIFECYCLE = Duration.ofSeconds(60);
    static final int LISTENER_PORT = 443;

    static LocalCluster cluster;
    static GatewayJson gateway;
    static EchoServer backend;

    static String serviceId;
    static String serviceName;
    static String endpointId;
    static String consumerSubnetA;
    static List<String> dataPlaneAddresses;
    static String regionalName;

    @BeforeAll
    static void useSharedCluster(LocalCluster shared) {
        cluster = shared;
        gateway = new GatewayJson(cluster.gatewayUrl());
        backend = EchoServer.start("web");
    }

    @AfterAll
    static void stopBackend() throws Exception {
        backend.close();
    }

    @Test
    @Order(1)
    void a_provider_publishes_a_service_and_a_consumer_reaches_it_through_an_endpoint() throws Exception {
        String providerVpc = gateway.create(PROVIDER, "/v1/vpcs", Map.of("cidrBlock", "10.0.0.0/16"), "vpcId");
        String providerSubnet = gateway.create(PROVIDER, "/v1/subnets",
                Map.of("vpcId", providerVpc, "cidrBlock", "10.0.1.0/24", "availabilityZone", "us-east-1a"), "subnetId");
        String nlb = gateway.create(PROVIDER, "/v1/load-balancers", Map.of("name", "web", "type", "network",
                "subnetIds", List.of(providerSubnet), "listeners", List.of(Map.of("protocol", "TCP", "port", 443)),
                "targets", List.of(Map.of("host", "127.0.0.1", "port", backend.port()))), "loadBalancerArn");

        var service = gateway.as(PROVIDER).body(Map.of("networkLoadBalancerArns", List.of(nlb), "acceptanceRequired", false))
                .post("/v1/endpoint-services").then().statusCode(201).extract();
        serviceId = service.path("serviceId");
        serviceName = service.path("serviceName");
        gateway.as(PROVIDER).body(Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + CONSUMER + ":root")))
                .post("/v1/endpoint-services/" + serviceId + "/permissions").then().statusCode(200);

        String consumerVpc = gateway.create(CONSUMER, "/v1/vpcs", Map.of("cidrBlock", "172.31.0.0/16"), "vpcId");
        consumerSubnetA = gateway.create(CONSUMER, "/v1/subnets",
                Map.of("vpcId", consumerVpc, "cidrBlock", "172.31.0.0/20", "availabilityZone", "us-east-1a"), "subnetId");
        String consumerSubnetB = gateway.create(CONSUMER, "/v1/subnets",
                Map.of("vpcId", consumerVpc, "cidrBlock", "172.31.16.0/20", "availabilityZone", "us-east-1b"), "subnetId");

        endpointId = gateway.as(CONSUMER).body(Map.of("serviceName", serviceName, "vpcId", consumerVpc,
                        "subnetIds", List.of(consumerSubnetA, consumerSubnetB), "vpcEndpointType", "Interface"))
                .post("/v1/vpc-endpoints").then().statusCode(201).body("state", equalTo("pending"))
                .extract().path("vpcEndpointId");

        awaitEndpointState("available");
        var endpoint = gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().statusCode(200).extract();
        List<String> interfaces = endpoint.path("networkInterfaceIds");
        List<String> dnsNames = endpoint.path("dnsEntries.dnsName");
        assertThat(interfaces).hasSize(2).allMatch(id -> id.matches("eni-[0-9a-f]{17}"));
        regionalName = dnsNames.getFirst();
        assertThat(regionalName).matches(endpointId + "-[a-z0-9]{8}\\." + serviceId + "\\.us-east-1\\.vpce\\.amazonaws\\.com");
        assertThat(dnsNames).hasSize(3);

        var networkInterfaces = gateway.as(CONSUMER).get("/v1/network-interfaces?vpcEndpointId=" + endpointId)
                .then().statusCode(200).extract();
        assertThat(networkInterfaces.<List<String>>path("privateIpAddress"))
                .containsExactlyInAnyOrder("172.31.0.4", "172.31.16.4");
        dataPlaneAddresses = networkInterfaces.path("dataPlaneAddress");
        assertThat(ClusterDns.resolve(cluster, regionalName)).containsExactlyInAnyOrderElementsOf(dataPlaneAddresses);
        assertTheNameReachesTheBackend();

        gateway.as(PROVIDER).get("/v1/endpoint-services/" + serviceId).then().statusCode(200)
                .body("serviceState", equalTo("Available"));
        gateway.as(PROVIDER).get("/v1/endpoint-services/" + serviceId + "/connections").then().statusCode(200)
                .body("[0].vpcEndpointId", equalTo(endpointId));
    }

    @Test
    @Order(2)
    void after_a_restart_of_the_whole_cluster_the_endpoint_is_still_available() throws Exception {
        cluster.restart();

        gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().statusCode(200)
                .body("state", equalTo("available"));
        gateway.as(PROVIDER).get("/v1/endpoint-services/" + serviceId).then().statusCode(200)
                .body("serviceState", equalTo("Available"));
        assertThat(ClusterDns.resolve(cluster, regionalName)).containsExactlyInAnyOrderElementsOf(dataPlaneAddresses);
        assertTheNameReachesTheBackend(); // the forwarders came back from the event log
    }

    @Test
    @Order(3)
    void deleting_the_endpoint_runs_the_chain_backwards() throws Exception {
        gateway.as(CONSUMER).delete("/v1/vpc-endpoints/" + endpointId).then().statusCode(200)
                .body("state", equalTo("deleting"));

        awaitEndpointState("deleted");
        gateway.as(CONSUMER).get("/v1/network-interfaces?vpcEndpointId=" + endpointId).then().statusCode(200)
                .body("size()", equalTo(0));
        gateway.as(CONSUMER).get("/v1/subnets/" + consumerSubnetA).then().statusCode(200)
                .body("availableIpAddressCount", equalTo(4091));
        assertThat(ClusterDns.isMissing(cluster, regionalName)).isTrue();
        for (String address : dataPlaneAddresses) {
            assertThatThrownBy(() -> EchoServer.exchange(address, LISTENER_PORT, "still there?"))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    @Order(4)
    void the_gateway_answers_an_unknown_route_with_a_problem() {
        gateway.as(CONSUMER).get("/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    /** Each address the endpoint's name resolves to forwards the listener's port to the provider's backend. */
    private static void assertTheNameReachesTheBackend() throws Exception {
        for (String address : ClusterDns.resolve(cluster, regionalName)) {
            assertThat(EchoServer.exchange(address, LISTENER_PORT, "hello from " + CONSUMER))
                    .isEqualTo("web\nhello from " + CONSUMER);
        }
    }

    private static void awaitEndpointState(String state) {
        await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().statusCode(200)
                        .body("state", equalTo(state)));
    }
}

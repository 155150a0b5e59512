package dev.privet.systemtests;

import dev.privet.cluster.LocalCluster;
import dev.privet.testkit.EchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The data plane end to end, against the real processes: a provider's two backends behind a target group with health
 * checks, a load balancer's listener and an endpoint service; a consumer's endpoint whose name, resolved at
 * dns-service, reaches both backends through the forwarder; one backend stopped, and the health checks send every
 * connection to the other; a subnet added to the endpoint, and its new interface answers under a new zonal name; the
 * first subnet removed, and its interface, name and port are gone; its security groups changed to one without a rule
 * for the port, and the port is closed until a rule opens it; the endpoint deleted, and its port closed. On the
 * {@link SharedCluster}, in accounts of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@ExtendWith(SharedCluster.class)
class DataPlaneTest {
    static final String PROVIDER = "121212121212";
    static final String CONSUMER = "343434343434";
    static final Duration LIFECYCLE = Duration.ofSeconds(60);
    static final int LISTENER_PORT = 8443;

    static LocalCluster cluster;
    static GatewayJson gateway;
    static EchoServer blue;
    static EchoServer green;
    static String endpointId;
    static String regionalName;
    static String consumerVpc;
    static String consumerSubnet;

    @BeforeAll
    static void useSharedCluster(LocalCluster shared) {
        cluster = shared;
        gateway = new GatewayJson(cluster.gatewayUrl());
        blue = EchoServer.start("blue");
        green = EchoServer.start("green");
    }

    @AfterAll
    static void stopBackends() throws Exception {
        blue.close();
        green.close();
    }

    /** The name of the backend one new connection through the endpoint's name reached. */
    static String backendReached() throws Exception {
        String address = ClusterDns.resolve(cluster, regionalName).getFirst();
        String answer = EchoServer.exchange(address, LISTENER_PORT, "ping");
        assertThat(answer).endsWith("\nping");
        return answer.substring(0, answer.indexOf('\n'));
    }

    @Test
    @Order(1)
    void an_endpoints_name_reaches_every_healthy_backend_behind_the_target_group() throws Exception {
        String vpc = gateway.create(PROVIDER, "/v1/vpcs", Map.of("cidrBlock", "10.0.0.0/16"), "vpcId");
        String subnet = gateway.create(PROVIDER, "/v1/subnets",
                Map.of("vpcId", vpc, "cidrBlock", "10.0.1.0/24", "availabilityZone", "us-east-1a"), "subnetId");
        String group = gateway.create(PROVIDER, "/v1/target-groups", Map.of("name", "backends", "protocol", "TCP",
                "port", blue.port(), "vpcId", vpc, "targetType", "ip", "healthCheck", Map.of("protocol", "TCP",
                        "intervalSeconds", 5, "timeoutSeconds", 2, "healthyThreshold", 2, "unhealthyThreshold", 2)),
                "targetGroupArn");
        gateway.as(PROVIDER).body(Map.of("registerTargets", List.of(Map.of("id", "127.0.0.1", "port", blue.port()),
                Map.of("id", "127.0.0.1", "port", green.port())))).post("/v1/target-groups/backends/targets")
                .then().statusCode(200);
        String nlb = gateway.create(PROVIDER, "/v1/load-balancers", Map.of("name", "backends", "type", "network",
                "subnetIds", List.of(subnet)), "loadBalancerArn");
        gateway.as(PROVIDER).body(Map.of("protocol", "TCP", "port", LISTENER_PORT, "targetGroupArn", group))
                .post("/v1/load-balancers/backends/listeners").then().statusCode(201);
        var service = gateway.as(PROVIDER).body(Map.of("networkLoadBalancerArns", List.of(nlb), "acceptanceRequired", false))
                .post("/v1/endpoint-services").then().statusCode(201).extract();
        gateway.as(PROVIDER).body(Map.of("addAllowedPrincipals", List.of("arn:aws:iam::" + CONSUMER + ":root")))
                .post("/v1/endpoint-services/" + service.path("serviceId") + "/permissions").then().statusCode(200);

        consumerVpc = gateway.create(CONSUMER, "/v1/vpcs", Map.of("cidrBlock", "172.31.0.0/16"), "vpcId");
        consumerSubnet = gateway.create(CONSUMER, "/v1/subnets",
                Map.of("vpcId", consumerVpc, "cidrBlock", "172.31.0.0/20", "availabilityZone", "us-east-1a"),
                "subnetId");
        endpointId = gateway.create(CONSUMER, "/v1/vpc-endpoints", Map.of("serviceName", service.path("serviceName"),
                "vpcId", consumerVpc, "subnetIds", List.of(consumerSubnet)), "vpcEndpointId");
        awaitEndpointState("available");
        regionalName = gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().extract()
                .path("dnsEntries[0].dnsName");

        Set<String> reached = new HashSet<>();
        for (int i = 0; i < 40 && reached.size() < 2; i++) {
            reached.add(backendReached());
        }
        assertThat(reached).containsExactlyInAnyOrder("blue", "green");
    }

    @Test
    @Order(2)
    void a_stopped_backend_fails_its_health_checks_and_gets_no_more_connections() throws Exception {
        green.close();

        await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                gateway.as(PROVIDER).get("/v1/target-groups/backends/targets").then().statusCode(200)
                        .body("find { it.port == " + green.port() + " }.state", equalTo("unhealthy"))
                        .body("find { it.port == " + blue.port() + " }.state", equalTo("healthy")));
        for (int i = 0; i < 10; i++) {
            assertThat(backendReached()).isEqualTo("blue");
        }
    }

    @Test
    @Order(3)
    void a_subnet_added_gets_an_interface_and_a_zonal_name_and_one_removed_takes_both_away() throws Exception {
        String secondSubnet = gateway.create(CONSUMER, "/v1/subnets",
                Map.of("vpcId", consumerVpc, "cidrBlock", "172.31.16.0/20", "availabilityZone", "us-east-1b"),
                "subnetId");
        gateway.as(CONSUMER).body(Map.of("addSubnetIds", List.of(secondSubnet))).patch("/v1/vpc-endpoints/" + endpointId)
                .then().statusCode(200).body("state", equalTo("pending"));
        awaitEndpointState("available");
        var added = gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().extract();
        assertThat(added.<List<String>>path("subnetIds")).containsExactly(consumerSubnet, secondSubnet);
        assertThat(added.<List<String>>path("networkInterfaceIds")).hasSize(2);
        assertThat(added.<String>path("dnsEntries[0].dnsName")).isEqualTo(regionalName);
        String firstZonal = added.path("dnsEntries[1].dnsName");
        String secondZonal = added.path("dnsEntries[2].dnsName");
        assertThat(secondZonal).contains("-us-east-1b.");
        assertThat(ClusterDns.resolve(cluster, regionalName)).hasSize(2);
        String firstAddress = ClusterDns.resolve(cluster, firstZonal).getFirst();
        assertThat(EchoServer.exchange(ClusterDns.resolve(cluster, secondZonal).getFirst(), LISTENER_PORT, "ping"))
                .isEqualTo("blue\nping");

        gateway.as(CONSUMER).body(Map.of("removeSubnetIds", List.of(consumerSubnet))).patch("/v1/vpc-endpoints/" + endpointId)
                .then().statusCode(200).body("state", equalTo("pending"));
        awaitEndpointState("available");
        var removed = gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().extract();
        assertThat(removed.<List<String>>path("subnetIds")).containsExactly(secondSubnet);
        assertThat(removed.<List<String>>path("dnsEntries.dnsName")).containsExactly(regionalName, secondZonal);
        assertThat(ClusterDns.isMissing(cluster, firstZonal)).isTrue();
        assertThat(ClusterDns.resolve(cluster, regionalName)).hasSize(1);
        await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(gateway.as(CONSUMER).queryParam("vpcEndpointId", endpointId).get("/v1/network-interfaces")
                    .then().statusCode(200).extract().<List<String>>path("subnetId")).containsExactly(secondSubnet);
            assertThatThrownBy(() -> EchoServer.exchange(firstAddress, LISTENER_PORT, "still there?"))
                    .isInstanceOf(ConnectException.class);
        });
        assertThat(backendReached()).isEqualTo("blue");
    }

    @Test
    @Order(4)
    void the_endpoint_s_security_groups_decide_whether_its_port_is_open() throws Exception {
        String address = ClusterDns.resolve(cluster, regionalName).getFirst();
        String defaultGroup = gateway.as(CONSUMER).get("/v1/security-groups").then().statusCode(200).extract()
                .path("find { it.vpcId == '" + consumerVpc + "' && it.isDefault }.groupId");
        String clients = gateway.create(CONSUMER, "/v1/security-groups", Map.of("groupName", "clients",
                "description", "who may reach the service", "vpcId", consumerVpc), "groupId");
        gateway.as(CONSUMER).body(Map.of("addSecurityGroupIds", List.of(clients), "removeSecurityGroupIds",
                List.of(defaultGroup))).patch("/v1/vpc-endpoints/" + endpointId).then().statusCode(200);
        await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThatThrownBy(() -> EchoServer.exchange(address, LISTENER_PORT, "let in?"))
                        .as("no ingress rule lets TCP in to the listener port").isInstanceOf(ConnectException.class));
        gateway.as(CONSUMER).delete("/v1/security-groups/" + clients).then().statusCode(400)
                .body("code", equalTo("DependencyViolation"));

        gateway.as(CONSUMER).body(Map.of("rules", List.of(Map.of("ipProtocol", "tcp", "fromPort", LISTENER_PORT,
                "toPort", LISTENER_PORT, "cidrIpv4", "172.31.0.0/16")))).post("/v1/security-groups/" + clients
                + "/ingress").then().statusCode(200);
        await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(backendReached()).isEqualTo("blue"));
    }

    @Test
    @Order(5)
    void a_deleted_endpoint_has_its_port_closed() throws Exception {
        String address = ClusterDns.resolve(cluster, regionalName).getFirst();
        gateway.as(CONSUMER).delete("/v1/vpc-endpoints/" + endpointId).then().statusCode(200);

        awaitEndpointState("deleted");
        assertThatThrownBy(() -> EchoServer.exchange(address, LISTENER_PORT, "still there?"))
                .isInstanceOf(ConnectException.class);
    }

    private static void awaitEndpointState(String state) {
        await().atMost(LIFECYCLE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                gateway.as(CONSUMER).get("/v1/vpc-endpoints/" + endpointId).then().statusCode(200)
                        .body("state", equalTo(state)));
    }
}

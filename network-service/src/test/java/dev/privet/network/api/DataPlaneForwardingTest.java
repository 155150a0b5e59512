package dev.privet.network.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointProvisioningDeferred;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.EchoServer;
import dev.privet.testkit.PrivetServiceTestResource;
import dev.privet.testkit.Scrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.privet.network.api.SecurityGroupApiTest.GROUPS;
import static dev.privet.network.api.SecurityGroupApiTest.createGroup;
import static dev.privet.network.api.SecurityGroupApiTest.defaultGroupOf;
import static dev.privet.network.api.SecurityGroupApiTest.rules;
import static dev.privet.network.api.SecurityGroupApiTest.tcp;
import static dev.privet.network.api.NetworkApi.ASYNC;
import static dev.privet.network.api.NetworkApi.OWNER;
import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.loadBalancer;
import static dev.privet.network.api.NetworkApi.target;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The data plane: an accepted endpoint's interfaces get data plane addresses where forwarders listen on the
 * service's listener ports, and bytes sent there reach the provider's backends and come back.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service data plane, on real Kafka and PostgreSQL and real sockets")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DataPlaneForwardingTest {
    static final int LISTENER_PORT = 443;

    /** A service verified on a new network load balancer made by {@code balancer} in a new VPC. */
    static String serviceOn(Map<String, Object> balancer) {
        String service = IdFormat.ENDPOINT_SERVICE.newId();
        String nlb = as(OWNER).body(balancer).post("/v1/load-balancers").then().statusCode(201).extract()
                .path("loadBalancerArn");
        KafkaEvents.publish(new EndpointServiceCreated(service, "com.amazonaws.vpce.us-east-1." + service, OWNER,
                "us-east-1", List.of(nlb), false), 1, OWNER);
        KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersVerified.class, e -> e.serviceId().equals(service));
        return service;
    }

    /**
     * A service verified on a new network load balancer {@code name} in {@code subnet}, whose one listener forwards
     * {@link #LISTENER_PORT} to {@code group}.
     */
    static String serviceForwardingTo(String name, String subnet, String group) {
        String service = serviceOn(Map.of("name", name, "type", "network", "subnetIds", List.of(subnet)));
        as(OWNER).body(Map.of("protocol", "TCP", "port", LISTENER_PORT, "targetGroupArn", group))
                .post("/v1/load-balancers/" + name + "/listeners").then().statusCode(201);
        return service;
    }

    /** An endpoint accepted on the service with an interface in each subnet, once it is provisioned. */
    static EndpointNetworkProvisioned acceptedEndpoint(String service, String vpc, List<String> subnets) {
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        KafkaEvents.accept(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, subnets, List.of()),
                OWNER, defaultGroupOf(OWNER, vpc));
        return KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class,
                e -> e.vpcEndpointId().equals(endpoint));
    }

    @Test
    void bytes_sent_to_an_interfaces_data_plane_address_reach_the_backend_and_come_back_until_the_release()
            throws Exception {
        try (EchoServer backend = EchoServer.start("web")) {
            String vpc = createVpc(OWNER, "10.40.0.0/16");
            String subnetA = createSubnet(OWNER, vpc, "10.40.1.0/24", "us-east-1a");
            String subnetB = createSubnet(OWNER, vpc, "10.40.2.0/24", "us-east-1b");
            String service = serviceOn(loadBalancer("dp-" + subnetA.substring(7, 15), "network", List.of(subnetA),
                    List.of(target("127.0.0.1", backend.port()))));

            EndpointNetworkProvisioned provisioned = acceptedEndpoint(service, vpc, List.of(subnetA, subnetB));
            List<String> addresses = provisioned.networkInterfaces().stream()
                    .map(EndpointInterface::dataPlaneAddress).toList();
            assertThat(addresses).hasSize(2).doesNotHaveDuplicates().allMatch(a -> a.startsWith("127.101."));
            as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + provisioned.vpcEndpointId()).then()
                    .statusCode(200).body("dataPlaneAddress", containsInAnyOrder(addresses.toArray()));

            // on Kafka means listening: no wait between the event and the first connection
            for (String address : addresses) {
                assertThat(EchoServer.exchange(address, LISTENER_PORT, "hello " + address))
                        .isEqualTo("web\nhello " + address);
            }

            try (Socket open = openThrough(addresses.getFirst(), "web")) {
                KafkaEvents.publish(new EndpointDnsRemoved(provisioned.vpcEndpointId(), service), 3, OWNER);
                KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class,
                        e -> e.vpcEndpointId().equals(provisioned.vpcEndpointId()));
                for (String address : addresses) {
                    assertThatThrownBy(() -> EchoServer.exchange(address, LISTENER_PORT, "gone?"))
                            .isInstanceOf(ConnectException.class);
                }
                // the connection open at the release is drained, after privet.data-plane.drain-timeout (1 s here)
                assertClosedWithin(open, Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void only_the_ports_the_endpoint_s_security_groups_let_in_are_forwarded() throws Exception {
        try (EchoServer backend = EchoServer.start("guarded")) {
            String vpc = createVpc(OWNER, "10.41.0.0/16");
            String subnet = createSubnet(OWNER, vpc, "10.41.1.0/24", "us-east-1a");
            String service = serviceOn(loadBalancer("sg-" + subnet.substring(7, 15), "network", List.of(subnet),
                    List.of(target("127.0.0.1", backend.port()))));
            String group = createGroup(OWNER, vpc, "clients"); // AWS's egress rule only: nothing comes in
            String endpoint = IdFormat.VPC_ENDPOINT.newId();

            KafkaEvents.publish(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, List.of(subnet),
                    List.of()), 2, OWNER);
            KafkaEvents.await(Topic.NETWORK, EndpointProvisioningDeferred.class,
                    e -> e.vpcEndpointId().equals(endpoint)); // the groups come after the acceptance
            KafkaEvents.publish(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, List.of(subnet),
                    List.of()), 2, OWNER); // published twice: still waits for the groups
            acceptedEndpoint(service, vpc, List.of(subnet)); // the same service's partition: applied after it
            as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().statusCode(200)
                    .body("$", hasSize(0));
            KafkaEvents.publish(new VpcEndpointSecurityGroupsChanged(endpoint, List.of(group)), 2, OWNER);
            String address = KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class,
                    e -> e.vpcEndpointId().equals(endpoint)).networkInterfaces().getFirst().dataPlaneAddress();
            assertThatThrownBy(() -> EchoServer.exchange(address, LISTENER_PORT, "in?"))
                    .isInstanceOf(ConnectException.class);

            as(OWNER).body(rules(tcp(LISTENER_PORT, "10.0.0.0/8"))).post(GROUPS + "/" + group + "/ingress").then()
                    .statusCode(200);
            await().atMost(ASYNC).untilAsserted(() -> assertThat(EchoServer.exchange(address, LISTENER_PORT, "in"))
                    .isEqualTo("guarded\nin"));

            as(OWNER).body(rules(tcp(LISTENER_PORT, "10.0.0.0/8"))).post(GROUPS + "/" + group
                    + "/ingress/revocations").then().statusCode(200);
            await().atMost(ASYNC).untilAsserted(() -> assertThatThrownBy(() -> EchoServer.exchange(address,
                    LISTENER_PORT, "in again?")).isInstanceOf(ConnectException.class));
        }
    }

    /** A connection through the forwarder at {@code address}, after the greeting of the backend {@code name}. */
    static Socket openThrough(String address, String name) throws IOException {
        Socket socket = new Socket(address, LISTENER_PORT);
        socket.setSoTimeout(10_000);
        byte[] greeting = socket.getInputStream().readNBytes(name.length() + 1);
        assertThat(new String(greeting, StandardCharsets.UTF_8)).isEqualTo(name + "\n");
        return socket;
    }

    /**
     * The forwarder closes the connection: the client reads to its end (or a reset) within {@code patience}; a read
     * that times out instead fails the test.
     */
    static void assertClosedWithin(Socket socket, Duration patience) throws IOException {
        socket.setSoTimeout(Math.toIntExact(patience.toMillis()));
        try {
            socket.getInputStream().readAllBytes();
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection was still open after " + patience, stillOpen);
        } catch (SocketException reset) {
            // closed with a reset: closed too
        }
    }

    @Test
    void a_group_with_proxy_protocol_v2_gets_the_header_first_and_a_deregistered_target_drains_after_its_delay()
            throws Exception {
        try (EchoServer blue = EchoServer.start("blue")) {
            String vpc = createVpc(OWNER, "10.43.0.0/16");
            String subnet = createSubnet(OWNER, vpc, "10.43.1.0/24", "us-east-1a");
            String suffix = subnet.substring(7, 15);
            String group = as(OWNER).body(Map.of("name", "pp-" + suffix, "protocol", "TCP", "port", blue.port(),
                    "vpcId", vpc, "targetType", "ip")).post("/v1/target-groups").then().statusCode(201)
                    .extract().path("targetGroupArn");
            as(OWNER).get("/v1/target-groups/pp-" + suffix + "/attributes").then().statusCode(200)
                    .body("find { it.key == 'proxy_protocol_v2.enabled' }.value", equalTo("false"))
                    .body("find { it.key == 'deregistration_delay.timeout_seconds' }.value", equalTo("300"));
            as(OWNER).body(Map.of("attributes", List.of(Map.of("key", "proxy_protocol_v2.enabled", "value", "true"),
                            Map.of("key", "deregistration_delay.timeout_seconds", "value", "0"))))
                    .post("/v1/target-groups/pp-" + suffix + "/attributes").then().statusCode(200)
                    .body("find { it.key == 'proxy_protocol_v2.enabled' }.value", equalTo("true"))
                    .body("find { it.key == 'deregistration_delay.timeout_seconds' }.value", equalTo("0"));
            String service = serviceForwardingTo("pp-" + suffix, subnet, group);
            as(OWNER).body(Map.of("registerTargets", List.of(Map.of("id", "127.0.0.1"))))
                    .post("/v1/target-groups/pp-" + suffix + "/targets").then().statusCode(200);
            EndpointNetworkProvisioned endpoint = acceptedEndpoint(service, vpc, List.of(subnet));
            String address = endpoint.networkInterfaces().getFirst().dataPlaneAddress();

            // the backend echoes what it got: the header, then the client's bytes
            byte[] echoed = EchoServer.exchange(address, LISTENER_PORT, "ping").substring("blue\n".length())
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThat(Arrays.copyOf(echoed, 12)).containsExactly(0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51,
                    0x55, 0x49, 0x54, 0x0A);
            String rest = new String(echoed, StandardCharsets.ISO_8859_1);
            assertThat(rest).endsWith(endpoint.vpcEndpointId() + "ping");

            try (Socket open = openThrough(address, "blue")) {
                as(OWNER).body(Map.of("deregisterTargets", List.of(Map.of("id", "127.0.0.1"))))
                        .post("/v1/target-groups/pp-" + suffix + "/targets").then().statusCode(200);
                assertClosedWithin(open, Duration.ofSeconds(10)); // its delay is 0
            }
        }
    }

    @Test
    void target_group_attributes_that_privet_does_not_know_or_bad_values_are_refused_by_field() {
        String vpc = createVpc(OWNER, "10.44.0.0/16");
        String suffix = vpc.substring(4, 12);
        as(OWNER).body(Map.of("name", "bad-" + suffix, "protocol", "TCP", "port", 80, "vpcId", vpc))
                .post("/v1/target-groups").then().statusCode(201);
        String attributes = "/v1/target-groups/bad-" + suffix + "/attributes";

        as(OWNER).body(Map.of("attributes", List.of(Map.of("key", "stickiness.enabled", "value", "true"))))
                .post(attributes).then().statusCode(400).body("field", equalTo("attributes[0].key"))
                .body("detail", equalTo("attribute key 'stickiness.enabled' is not recognized"));
        as(OWNER).body(Map.of("attributes", List.of(Map.of("key", "proxy_protocol_v2.enabled", "value", "true"),
                        Map.of("key", "deregistration_delay.timeout_seconds", "value", "3601"))))
                .post(attributes).then().statusCode(400).body("field", equalTo("attributes[1].value"));
        as(OWNER).body(Map.of("attributes", List.of(Map.of("key", "proxy_protocol_v2.enabled", "value", "yes"))))
                .post(attributes).then().statusCode(400).body("field", equalTo("attributes[0].value"));
        as(OWNER).body(Map.of("attributes", List.of())).post(attributes).then().statusCode(400)
                .body("field", equalTo("attributes"));
        // nothing of the refused requests was applied
        as(OWNER).get(attributes).then().statusCode(200)
                .body("find { it.key == 'proxy_protocol_v2.enabled' }.value", equalTo("false"));
    }

    @Test
    void health_checks_take_a_stopped_target_out_and_the_api_shows_why() throws Exception {
        try (EchoServer blue = EchoServer.start("blue"); EchoServer green = EchoServer.start("green")) {
            String vpc = createVpc(OWNER, "10.42.0.0/16");
            String subnet = createSubnet(OWNER, vpc, "10.42.1.0/24", "us-east-1a");
            String suffix = subnet.substring(7, 15);
            String group = as(OWNER).body(Map.of("name", "hc-" + suffix, "protocol", "TCP", "port", blue.port(),
                    "vpcId", vpc, "targetType", "ip", "healthCheck", Map.of("protocol", "TCP", "intervalSeconds", 5,
                            "timeoutSeconds", 2, "healthyThreshold", 2, "unhealthyThreshold", 2)))
                    .post("/v1/target-groups").then().statusCode(201).extract().path("targetGroupArn");
            String service = serviceForwardingTo("hc-" + suffix, subnet, group);
            as(OWNER).body(Map.of("registerTargets", List.of(Map.of("id", "127.0.0.1", "port", blue.port()),
                            Map.of("id", "127.0.0.1", "port", green.port()))))
                    .post("/v1/target-groups/hc-" + suffix + "/targets").then().statusCode(200)
                    .body("state", everyItem(equalTo("initial")));
            String address = acceptedEndpoint(service, vpc, List.of(subnet)).networkInterfaces().getFirst()
                    .dataPlaneAddress();

            await().atMost(ASYNC).untilAsserted(() -> as(OWNER).get("/v1/target-groups/hc-" + suffix + "/targets")
                    .then().body("state", everyItem(equalTo("healthy"))));
            green.close();
            await().atMost(ASYNC).untilAsserted(() -> as(OWNER).get("/v1/target-groups/hc-" + suffix + "/targets")
                    .then().body("find { it.port == " + green.port() + " }.state", equalTo("unhealthy"))
                    .body("find { it.port == " + green.port() + " }.reason", equalTo("Target.FailedHealthChecks"))
                    .body("find { it.port == " + blue.port() + " }.state", equalTo("healthy")));

            for (int i = 0; i < 10; i++) {
                assertThat(EchoServer.exchange(address, LISTENER_PORT, "ping")).isEqualTo("blue\nping");
            }
        }
    }

    @Test
    void a_target_group_listener_spreads_connections_over_its_registered_targets_and_resets_with_none() throws Exception {
        try (EchoServer blue = EchoServer.start("blue"); EchoServer green = EchoServer.start("green")) {
            String vpc = createVpc(OWNER, "10.41.0.0/16");
            String subnet = createSubnet(OWNER, vpc, "10.41.1.0/24", "us-east-1a");
            String suffix = subnet.substring(7, 15);
            String group = as(OWNER).body(Map.of("name", "tg-" + suffix, "protocol", "TCP", "port", blue.port(),
                    "vpcId", vpc, "targetType", "ip")).post("/v1/target-groups").then().statusCode(201)
                    .extract().path("targetGroupArn");
            String service = serviceForwardingTo("lb-" + suffix, subnet, group);
            String address = acceptedEndpoint(service, vpc, List.of(subnet)).networkInterfaces().getFirst()
                    .dataPlaneAddress();

            // no target registered yet: the connection is reset at once, not left hanging
            Scrape before = metrics();
            assertThatThrownBy(() -> EchoServer.exchange(address, LISTENER_PORT, "anyone?"))
                    .isInstanceOf(SocketException.class);
            Scrape refused = metrics();
            assertThat(increase(before, refused, "privet_data_plane_connections_failed_total",
                    Map.of("reason", "no_target"))).isEqualTo(1);

            as(OWNER).body(Map.of("registerTargets", List.of(Map.of("id", "127.0.0.1", "port", blue.port()),
                            Map.of("id", "127.0.0.1", "port", green.port()))))
                    .post("/v1/target-groups/tg-" + suffix + "/targets").then().statusCode(200);
            Set<String> reached = new HashSet<>();
            for (int i = 0; i < 40 && reached.size() < 2; i++) {
                String answer = EchoServer.exchange(address, LISTENER_PORT, "ping");
                assertThat(answer).endsWith("\nping");
                reached.add(answer.substring(0, answer.indexOf('\n')));
            }
            assertThat(reached).containsExactlyInAnyOrder("blue", "green");

            as(OWNER).body(Map.of("deregisterTargets", List.of(Map.of("id", "127.0.0.1", "port", blue.port()))))
                    .post("/v1/target-groups/tg-" + suffix + "/targets").then().statusCode(200);
            for (int i = 0; i < 10; i++) {
                assertThat(EchoServer.exchange(address, LISTENER_PORT, "ping")).isEqualTo("green\nping");
            }
            Scrape after = metrics();
            int exchanges = reached.size() + 10; // at least
            assertThat(increase(refused, after, "privet_data_plane_connections_total", Map.of()))
                    .isGreaterThanOrEqualTo(exchanges);
            assertThat(increase(refused, after, "privet_data_plane_bytes_total", Map.of("direction", "from_client")))
                    .isGreaterThanOrEqualTo(exchanges * "ping".length());
            assertThat(increase(refused, after, "privet_data_plane_bytes_total", Map.of("direction", "from_target")))
                    .isGreaterThanOrEqualTo(exchanges * "blue\nping".length());
            await().atMost(ASYNC).untilAsserted(() -> assertThat(metrics()
                    .sum("privet_data_plane_connections_open", Map.of())).isZero());
        }
    }

    private static Scrape metrics() {
        return Scrape.of(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double increase(Scrape from, Scrape to, String metric, Map<String, String> labels) {
        return to.sum(metric, labels) - from.sum(metric, labels);
    }
}

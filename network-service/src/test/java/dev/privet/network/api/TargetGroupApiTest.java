package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.privet.network.api.NetworkApi.OTHER;
import static dev.privet.network.api.NetworkApi.OWNER;
import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** Target groups, their targets and the listeners that forward to them, as Elastic Load Balancing has them. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service target groups and listeners, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TargetGroupApiTest {
    @Inject
    StoredEvents store;

    static String createGroup(String name, String vpc, String targetType) {
        return as(OWNER).body(Map.of("name", name, "protocol", "TCP", "port", 8443, "vpcId", vpc,
                        "targetType", targetType)).post("/v1/target-groups")
                .then().statusCode(201).extract().path("targetGroupArn");
    }

    @Test
    void a_target_group_takes_targets_and_a_listener_added_later_forwards_to_it() {
        String vpc = createVpc(OWNER, "10.20.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.20.1.0/24", "us-east-1a");
        String suffix = subnet.substring(7, 15);
        String group = createGroup("tg-" + suffix, vpc, "ip");
        assertThat(group).matches("arn:aws:elasticloadbalancing:us-east-1:" + OWNER + ":targetgroup/tg-" + suffix
                + "/[0-9a-f]{16}");
        as(OWNER).get("/v1/target-groups/tg-" + suffix).then().statusCode(200)
                .body("healthCheck.protocol", equalTo("TCP")).body("healthCheck.port", equalTo("traffic-port"))
                .body("loadBalancerArns", hasSize(0));

        as(OWNER).body(Map.of("registerTargets", List.of(Map.of("id", "127.0.0.1"), Map.of("id", "127.0.0.2", "port", 9443))))
                .post("/v1/target-groups/tg-" + suffix + "/targets").then().statusCode(200)
                .body("id", containsInAnyOrder("127.0.0.1", "127.0.0.2"))
                .body("state", contains("unused", "unused"));
        as(OWNER).body(Map.of("registerTargets", List.of(Map.of("id", "127.0.0.1")),
                        "deregisterTargets", List.of(Map.of("id", "127.0.0.2", "port", 9443))))
                .post("/v1/target-groups/tg-" + suffix + "/targets").then().statusCode(200)
                .body("id", contains("127.0.0.1")).body("port", contains(8443));

        String lb = as(OWNER).body(Map.of("name", "lb-" + suffix, "type", "network", "subnetIds", List.of(subnet)))
                .post("/v1/load-balancers").then().statusCode(201).body("listeners", hasSize(0))
                .extract().path("loadBalancerArn");
        as(OWNER).body(Map.of("protocol", "TCP", "port", 443, "targetGroupArn", group))
                .post("/v1/load-balancers/lb-" + suffix + "/listeners").then().statusCode(201)
                .body("listenerArn", startsWith(lb.replace(":loadbalancer/", ":listener/") + "/"))
                .body("targetGroupArn", equalTo(group));
        as(OWNER).body(Map.of("protocol", "TCP", "port", 443, "targetGroupArn", group))
                .post("/v1/load-balancers/lb-" + suffix + "/listeners").then().statusCode(201)
                .body("targetGroupArn", equalTo(group)); // the same listener again: the one that exists
        as(OWNER).get("/v1/load-balancers/lb-" + suffix + "/listeners").then().statusCode(200)
                .body("port", contains(443)).body("targetGroupArn", contains(group));
        as(OWNER).get("/v1/target-groups/tg-" + suffix).then().statusCode(200).body("loadBalancerArns", contains(lb));
        as(OWNER).get("/v1/target-groups/tg-" + suffix + "/targets").then().statusCode(200)
                .body("state", contains("initial")).body("reason", contains("Elb.InitialHealthChecking"));
    }

    @Test
    void a_group_goes_once_no_listener_forwards_to_it_and_a_load_balancer_once_no_service_uses_it() {
        String vpc = createVpc(OWNER, "10.23.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.23.1.0/24", "us-east-1a");
        String suffix = subnet.substring(7, 15);
        String group = createGroup("del-" + suffix, vpc, "ip");
        String lb = as(OWNER).body(Map.of("name", "del-" + suffix, "subnetIds", List.of(subnet)))
                .post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");
        String used = as(OWNER).body(Map.of("name", "used-" + suffix, "subnetIds", List.of(subnet)))
                .post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");
        as(OWNER).body(Map.of("port", 443, "targetGroupArn", group))
                .post("/v1/load-balancers/del-" + suffix + "/listeners").then().statusCode(201);
        String service = IdFormat.ENDPOINT_SERVICE.newId();
        KafkaEvents.publish(new EndpointServiceCreated(service, "com.amazonaws.vpce.us-east-1." + service, OWNER,
                "us-east-1", List.of(used), false), 1, OWNER);
        KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersVerified.class, e -> e.serviceId().equals(service));

        as(OWNER).delete("/v1/target-groups/del-" + suffix).then().statusCode(409)
                .body("code", equalTo("ResourceInUse"));
        as(OWNER).delete("/v1/load-balancers/del-" + suffix + "/listeners/443").then().statusCode(204);
        as(OWNER).delete("/v1/load-balancers/del-" + suffix + "/listeners/443").then().statusCode(404)
                .body("code", equalTo("ListenerNotFound"));
        as(OWNER).get("/v1/load-balancers/del-" + suffix + "/listeners").then().statusCode(200).body("$", hasSize(0));
        as(OWNER).delete("/v1/target-groups/del-" + suffix).then().statusCode(204);
        as(OWNER).get("/v1/target-groups/del-" + suffix).then().statusCode(404);
        createGroup("del-" + suffix, vpc, "ip");

        as(OWNER).delete("/v1/load-balancers/used-" + suffix).then().statusCode(409)
                .body("code", equalTo("ResourceInUse"));
        as(OTHER).delete("/v1/load-balancers/del-" + suffix).then().statusCode(404);
        as(OWNER).delete("/v1/load-balancers/del-" + suffix).then().statusCode(204);
        as(OWNER).get("/v1/load-balancers/del-" + suffix).then().statusCode(404);
        String again = as(OWNER).body(Map.of("name", "del-" + suffix, "subnetIds", List.of(subnet)))
                .post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");
        assertThat(again).isNotEqualTo(lb);
    }

    @Test
    void bad_requests_name_the_field_and_append_nothing() {
        String vpc = createVpc(OWNER, "10.21.0.0/16");
        String otherVpc = createVpc(OWNER, "10.22.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.21.1.0/24", "us-east-1a");
        String suffix = subnet.substring(7, 15);
        String ipGroup = createGroup("ip-" + suffix, vpc, "ip");
        createGroup("in-" + suffix, vpc, "instance");
        String elsewhere = createGroup("away-" + suffix, otherVpc, "ip");
        as(OWNER).body(Map.of("name", "lb-" + suffix, "subnetIds", List.of(subnet), "listeners",
                List.of(Map.of("port", 80)))).post("/v1/load-balancers").then().statusCode(201);
        long before = store.count();
        record Case(String path, Object body, int status, String field, String code) {
        }
        List<Case> cases = List.of(
                new Case("/v1/target-groups", Map.of("name", "ip-" + suffix, "protocol", "TCP", "port", 80, "vpcId", vpc),
                        400, "name", "DuplicateTargetGroupName"),
                new Case("/v1/target-groups", Map.of("name", "x", "protocol", "HTTP", "port", 80, "vpcId", vpc),
                        400, "protocol", "InvalidParameterValue"),
                new Case("/v1/target-groups", Map.of("name", "x", "protocol", "TCP", "port", 70000, "vpcId", vpc),
                        400, "port", "InvalidParameterValue"),
                new Case("/v1/target-groups", Map.of("name", "x", "protocol", "TCP", "port", 80, "vpcId", vpc,
                        "targetType", "lambda"), 400, "targetType", "InvalidParameterValue"),
                new Case("/v1/target-groups", Map.of("name", "x", "protocol", "TCP", "port", 80, "vpcId", vpc,
                        "healthCheck", Map.of("intervalSeconds", 1)), 400, "healthCheck.intervalSeconds", "InvalidParameterValue"),
                new Case("/v1/target-groups", Map.of("name", "x", "protocol", "TCP", "port", 80,
                        "vpcId", "vpc-00000000000000000"), 400, "vpcId", "InvalidVpcID.NotFound"),
                new Case("/v1/target-groups/ip-" + suffix + "/targets", Map.of("registerTargets",
                        List.of(Map.of("id", "i-0123456789abcdef0"))), 400, "registerTargets[0].id", "InvalidTarget"),
                new Case("/v1/target-groups/in-" + suffix + "/targets", Map.of("registerTargets",
                        List.of(Map.of("id", "10.0.0.1"))), 400, "registerTargets[0].id", "InvalidTarget"),
                new Case("/v1/target-groups/ip-" + suffix + "/targets", Map.of(), 400, "registerTargets", "MissingParameter"),
                new Case("/v1/target-groups/none/targets", Map.of("registerTargets", List.of(Map.of("id", "10.0.0.1"))),
                        404, "name", "TargetGroupNotFound"),
                new Case("/v1/load-balancers/lb-" + suffix + "/listeners", Map.of("port", 80, "targetGroupArn", ipGroup),
                        400, "port", "DuplicateListener"),
                new Case("/v1/load-balancers/lb-" + suffix + "/listeners", Map.of("port", 81, "targetGroupArn", elsewhere),
                        400, "targetGroupArn", "ValidationError"),
                new Case("/v1/load-balancers/lb-" + suffix + "/listeners", Map.of("port", 82, "targetGroupArn",
                        ipGroup.replace(OWNER, OTHER)), 404, "targetGroupArn", "TargetGroupNotFound"),
                new Case("/v1/load-balancers/lb-" + suffix + "/listeners", Map.of("port", 83, "targetGroupArn", "arn:x"),
                        400, "targetGroupArn", "InvalidParameterValue"));
        for (Case c : cases) {
            as(OWNER).body(c.body()).post(c.path()).then().statusCode(c.status())
                    .contentType("application/problem+json")
                    .body("field", equalTo(c.field())).body("code", equalTo(c.code()));
        }
        as(OTHER).get("/v1/target-groups/ip-" + suffix).then().statusCode(404).body("code", equalTo("TargetGroupNotFound"));
        assertThat(store.count()).isEqualTo(before);
    }
}

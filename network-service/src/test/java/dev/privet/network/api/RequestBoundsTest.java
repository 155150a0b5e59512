package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.listed;
import static dev.privet.network.api.NetworkApi.loadBalancer;
import static dev.privet.network.api.NetworkApi.newAccount;
import static dev.privet.network.api.NetworkApi.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every request field is bounded (as AWS: ids, names, hosts, and at most 16 subnets, 50 listeners, 100 targets): an
 * oversized request is refused naming the field, stores nothing, and leaves the service working.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestBoundsTest {
    @Inject
    StoredEvents store;

    @Test
    void oversized_load_balancers_are_refused_naming_the_field_and_a_normal_one_is_then_created_and_published() {
        String account = newAccount();
        String subnet = createSubnet(account, createVpc(account, "10.50.0.0/16"), "10.50.1.0/24", "us-east-1a");
        long before = store.appendedBy(account);
        List<Map<String, Object>> tooManyTargets = targets(101, "10.50.1.10");
        List<String> tooManySubnets = IntStream.range(0, 17).mapToObj(i -> IdFormat.SUBNET.newId()).toList();

        String twoMegabyteHost = "h".repeat(2 * 1024 * 1024);
        refused(account, loadBalancer("huge", "network", List.of(subnet), List.of(target(twoMegabyteHost, 80))),
                "targets[0].host");
        refused(account, loadBalancer("crowded", "network", List.of(subnet), tooManyTargets), "targets");
        refused(account, loadBalancer("spread", "network", tooManySubnets, targets(1, "10.50.1.10")), "subnetIds");
        refused(account, loadBalancer("n".repeat(33), "network", List.of(subnet), targets(1, "10.50.1.10")), "name");

        assertThat(store.appendedBy(account)).isEqualTo(before);
        assertThat(listed(account, "/v1/load-balancers", "loadBalancerName")).isEmpty();
        for (String name : List.of("huge", "crowded", "spread")) {
            as(account).get("/v1/load-balancers/" + name).then().statusCode(404);
        }

        // a request at the limits: 100 targets, one of them a 253-character host
        List<Map<String, Object>> atTheLimit = new ArrayList<>(targets(99, "10.50.1.10"));
        atTheLimit.add(target("h".repeat(253), 443));
        String arn = as(account).body(loadBalancer("fine", "network", List.of(subnet), atTheLimit))
                .post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");

        LoadBalancerCreated published = KafkaEvents.await(Topic.NETWORK, LoadBalancerCreated.class,
                e -> e.loadBalancerArn().equals(arn));
        assertThat(published.targets()).hasSize(100);
        assertThat(listed(account, "/v1/load-balancers", "loadBalancerName")).containsExactly("fine");
        assertThat(store.ids("LoadBalancerCreated", "name", account)).containsExactly("fine");
    }

    @Test
    void an_oversized_vpc_or_subnet_field_is_refused_naming_it() {
        String account = newAccount();
        String vpc = createVpc(account, "10.51.0.0/16");
        long before = store.appendedBy(account);

        as(account).body(Map.of("cidrBlock", "1".repeat(2 * 1024 * 1024))).post("/v1/vpcs").then().statusCode(400)
                .body("field", equalTo("cidrBlock"));
        as(account).body(Map.of("vpcId", "vpc-" + "0".repeat(100), "cidrBlock", "10.51.1.0/24",
                "availabilityZone", "us-east-1a")).post("/v1/subnets").then().statusCode(400)
                .body("field", equalTo("vpcId"));
        as(account).body(Map.of("vpcId", vpc, "cidrBlock", "10.51.1.0/24", "availabilityZone", "z".repeat(33)))
                .post("/v1/subnets").then().statusCode(400).body("field", equalTo("availabilityZone"));

        assertThat(store.appendedBy(account)).isEqualTo(before);
        assertThat(listed(account, "/v1/vpcs", "vpcId")).containsExactly(vpc);
        assertThat(listed(account, "/v1/subnets", "subnetId")).isEmpty();
    }

    private static void refused(String account, Map<String, Object> request, String field) {
        as(account).body(request).post("/v1/load-balancers").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo(field));
    }

    private static List<Map<String, Object>> targets(int count, String host) {
        return IntStream.range(0, count).mapToObj(i -> target(host, 1024 + i)).toList();
    }
}

package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersReleased;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.messaging.NetworkReactions;
import dev.privet.runtime.EventRuntime;
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
import static dev.privet.network.api.NetworkApi.createLoadBalancer;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Deleting subnets, VPCs and load balancers: only what nothing depends on, only by its owner, and gone for every read
 * after.
 */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service deletes, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeletionTest {
    @Inject
    StoredEvents store;
    @Inject
    EventRuntime runtime;

    @Test
    void a_vpc_goes_only_after_its_subnets_and_its_blocks_are_free_again() {
        String vpc = createVpc(OWNER, "10.40.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.40.1.0/24", "us-east-1a");

        as(OWNER).delete("/v1/vpcs/" + vpc).then().statusCode(400).body("code", equalTo("DependencyViolation"));
        as(OTHER).delete("/v1/subnets/" + subnet).then().statusCode(404).body("code", equalTo("InvalidSubnetID.NotFound"));
        as(OWNER).delete("/v1/subnets/" + subnet).then().statusCode(204);
        as(OWNER).get("/v1/subnets/" + subnet).then().statusCode(404);
        as(OWNER).delete("/v1/subnets/" + subnet).then().statusCode(404).body("code", equalTo("InvalidSubnetID.NotFound"));

        String again = createSubnet(OWNER, vpc, "10.40.1.0/24", "us-east-1a");
        as(OWNER).delete("/v1/subnets/" + again).then().statusCode(204);
        as(OTHER).delete("/v1/vpcs/" + vpc).then().statusCode(404).body("code", equalTo("InvalidVpcID.NotFound"));
        as(OWNER).delete("/v1/vpcs/" + vpc).then().statusCode(204);
        as(OWNER).get("/v1/vpcs/" + vpc).then().statusCode(404);
        as(OWNER).body(Map.of("vpcId", vpc, "cidrBlock", "10.40.2.0/24", "availabilityZone", "us-east-1a"))
                .post("/v1/subnets").then().statusCode(400).body("code", equalTo("InvalidVpcID.NotFound"));
        as(OWNER).delete("/v1/vpcs/" + vpc).then().statusCode(404);
    }

    @Test
    void a_vpc_with_a_target_group_in_it_stays() {
        String vpc = createVpc(OWNER, "10.42.0.0/16");
        as(OWNER).body(Map.of("name", "tg-" + vpc.substring(4, 12), "protocol", "TCP", "port", 80, "vpcId", vpc))
                .post("/v1/target-groups").then().statusCode(201);

        as(OWNER).delete("/v1/vpcs/" + vpc).then().statusCode(400).body("code", equalTo("DependencyViolation"));
        as(OWNER).delete("/v1/target-groups/tg-" + vpc.substring(4, 12)).then().statusCode(204);
        as(OWNER).delete("/v1/vpcs/" + vpc).then().statusCode(204);
    }

    @Test
    void a_subnet_with_a_load_balancer_in_it_stays_and_a_deleted_one_takes_no_load_balancer() {
        String vpc = createVpc(OWNER, "10.41.0.0/16");
        String used = createSubnet(OWNER, vpc, "10.41.1.0/24", "us-east-1a");
        String gone = createSubnet(OWNER, vpc, "10.41.2.0/24", "us-east-1b");
        as(OWNER).body(Map.of("name", "lb-" + used.substring(7, 15), "subnetIds", List.of(used)))
                .post("/v1/load-balancers").then().statusCode(201);

        as(OWNER).delete("/v1/subnets/" + used).then().statusCode(400).body("code", equalTo("DependencyViolation"));
        as(OWNER).delete("/v1/subnets/" + gone).then().statusCode(204);
        as(OWNER).body(Map.of("name", "lb-" + gone.substring(7, 15), "subnetIds", List.of(gone)))
                .post("/v1/load-balancers").then().statusCode(400).body("code", equalTo("InvalidSubnetID.NotFound"))
                .body("field", equalTo("subnetIds[0]"));
        as(OWNER).delete("/v1/subnets/subnet-x").then().statusCode(400).body("field", equalTo("subnetId"));
    }

    @Test
    void a_load_balancer_is_released_by_the_deletion_of_the_service_that_used_it() {
        String vpc = createVpc(OWNER, "10.43.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.43.1.0/24", "us-east-1a");
        String name = "svc-" + subnet.substring(7, 15);
        String lb = createLoadBalancer(OWNER, name, "network", subnet);
        String service = IdFormat.ENDPOINT_SERVICE.newId();
        KafkaEvents.publish(new EndpointServiceCreated(service, "com.amazonaws.vpce.us-east-1." + service, OWNER,
                "us-east-1", List.of(lb), false), 1, OWNER);
        KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersVerified.class, e -> e.serviceId().equals(service));
        as(OWNER).delete("/v1/load-balancers/" + name).then().statusCode(409).body("code", equalTo("ResourceInUse"));

        KafkaEvents.publish(new EndpointServiceDeleted(service, OWNER, List.of(lb)), 2, OWNER);
        // At once: the refusal is confirmed against the provider's events published before the request.
        as(OWNER).delete("/v1/load-balancers/" + name).then().statusCode(204);
        as(OWNER).get("/v1/load-balancers/" + name).then().statusCode(404);

        assertThat(KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersReleased.class,
                e -> e.serviceId().equals(service)).loadBalancerArns()).containsExactly(lb);
        KafkaEvents.publish(new EndpointServiceDeleted(service, OWNER, List.of(lb)), 2, OWNER); // published again
        runtime.catchUp(NetworkReactions.NAME);
        assertThat(store.streamLength(service)).isEqualTo(2);
    }

    @Test
    void a_deletion_seen_before_the_services_creation_keeps_a_late_creation_from_holding_the_load_balancer() {
        String vpc = createVpc(OWNER, "10.44.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.44.1.0/24", "us-east-1a");
        String name = "late-" + subnet.substring(7, 15);
        String lb = createLoadBalancer(OWNER, name, "network", subnet);
        String service = IdFormat.ENDPOINT_SERVICE.newId();

        KafkaEvents.publish(new EndpointServiceDeleted(service, OWNER, List.of(lb)), 2, OWNER);
        KafkaEvents.publish(new EndpointServiceCreated(service, "com.amazonaws.vpce.us-east-1." + service, OWNER,
                "us-east-1", List.of(lb), false), 1, OWNER);
        runtime.catchUp(NetworkReactions.NAME); // both applied, in that order: one key, one partition

        assertThat(KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersReleased.class,
                e -> e.serviceId().equals(service)).loadBalancerArns()).isEmpty();
        as(OWNER).delete("/v1/load-balancers/" + name).then().statusCode(204);
        assertThat(store.streamLength(service)).isEqualTo(1);
    }
}

package dev.privet.network.api;

import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.equalTo;

/** Deleting subnets and VPCs: only what nothing depends on, only by its owner, and gone for every read after. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service deletes, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeletionTest {

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
}

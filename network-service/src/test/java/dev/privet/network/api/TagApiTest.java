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
import java.util.stream.IntStream;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.newAccount;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Tags on VPCs and subnets: made with the resource or later, changed all or nothing, seen by the owner alone. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service tags, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TagApiTest {

    private static Map<String, Object> change(List<String> resourceIds, Map<String, String> tag) {
        return Map.of("resourceIds", resourceIds, "tags", List.of(tag));
    }

    @Test
    void a_vpc_made_with_tags_lists_them_and_later_changes_replace_and_remove_them() {
        String account = newAccount();
        String vpc = as(account).body(Map.of("cidrBlock", "10.60.0.0/16",
                        "tags", List.of(Map.of("key", "Name", "value", "main"), Map.of("key", "env", "value", "dev"))))
                .post("/v1/vpcs").then().statusCode(201).body("tags.key", contains("Name", "env"))
                .extract().path("vpcId");
        String subnet = createSubnet(account, vpc, "10.60.1.0/24", "us-east-1a");

        as(account).body(change(List.of(vpc, subnet), Map.of("key", "env", "value", "prod")))
                .post("/v1/tags").then().statusCode(204);
        as(account).get("/v1/vpcs/" + vpc).then().statusCode(200)
                .body("tags.value", contains("main", "prod"));
        as(account).get("/v1/subnets").then().statusCode(200).body("[0].tags.key", contains("env"));

        as(account).body(change(List.of(vpc), Map.of("key", "env", "value", "dev"))).post("/v1/tags/removals")
                .then().statusCode(204);
        as(account).get("/v1/vpcs/" + vpc).then().body("tags.key", contains("Name", "env")); // only that value goes
        as(account).body(Map.of("resourceIds", List.of(vpc), "tags", List.of(Map.of("key", "env"))))
                .post("/v1/tags/removals").then().statusCode(204);
        as(account).get("/v1/vpcs").then().body("[0].tags.key", contains("Name"));

        as(account).get("/v1/tags").then().statusCode(200)
                .body("resourceId", contains(subnet, vpc)) // by id
                .body("find { it.resourceId == '" + vpc + "' }.resourceType", equalTo("vpc"));
        as(newAccount()).get("/v1/tags").then().statusCode(200).body("$", empty());
    }

    @Test
    void a_change_with_one_bad_part_changes_nothing() {
        String account = newAccount();
        String vpc = createVpc(account, "10.61.0.0/16");
        String strangers = createVpc(newAccount(), "10.62.0.0/16");

        as(account).body(change(List.of(vpc, strangers), Map.of("key", "env", "value", "dev")))
                .post("/v1/tags").then().statusCode(404).body("code", equalTo("InvalidVpcID.NotFound"))
                .body("field", equalTo("resourceIds[1]"));
        as(account).body(change(List.of(vpc, "vpc-nope"), Map.of("key", "env", "value", "dev")))
                .post("/v1/tags").then().statusCode(400).body("code", equalTo("InvalidID"));
        as(account).body(change(List.of(vpc), Map.of("key", "aws:owner", "value", "me")))
                .post("/v1/tags").then().statusCode(400).body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo("tags[0].key"));
        as(account).body(change(List.of(vpc), Map.of("key", "k".repeat(129), "value", "v")))
                .post("/v1/tags").then().statusCode(400).body("field", equalTo("tags[0].key"));
        as(account).body(change(List.of(vpc), Map.of("key", "k", "value", "v".repeat(257))))
                .post("/v1/tags").then().statusCode(400).body("field", equalTo("tags[0].value"));
        as(account).body(Map.of("resourceIds", List.of(vpc), "tags", List.of())).post("/v1/tags")
                .then().statusCode(400).body("code", equalTo("MissingParameter"));
        as(account).body(Map.of("tags", List.of(Map.of("key", "k")))).post("/v1/tags")
                .then().statusCode(400).body("field", equalTo("resourceIds"));
        as(account).body(Map.of("resourceIds", List.of(vpc), "tags", List.of(Map.of("key", "k", "value", "1"),
                Map.of("key", "k", "value", "2")))).post("/v1/tags").then().statusCode(400)
                .body("field", equalTo("tags[1].key"));
        as(account).body(Map.of("resourceIds", List.of(vpc), "tags", List.of(Map.of("key", "k")),
                "validateOnly", true)).post("/v1/tags").then().statusCode(204);

        as(account).get("/v1/vpcs/" + vpc).then().statusCode(200).body("tags", empty());
        as(account).body(Map.of("cidrBlock", "10.63.0.0/16", "tags", List.of(Map.of("key", "aws:x", "value", ""))))
                .post("/v1/vpcs").then().statusCode(400).body("field", equalTo("tags[0].key"));
        as(account).get("/v1/vpcs").then().body("vpcId", contains(vpc)); // the refused VPC was not made
    }

    @Test
    void a_resource_has_at_most_fifty_tags() {
        String account = newAccount();
        String vpc = createVpc(account, "10.64.0.0/16");
        List<Map<String, String>> fifty = IntStream.range(0, 50).mapToObj(i -> Map.of("key", "k" + i, "value", ""))
                .toList();
        as(account).body(Map.of("resourceIds", List.of(vpc), "tags", fifty)).post("/v1/tags").then().statusCode(204);
        as(account).body(change(List.of(vpc), Map.of("key", "one-more", "value", ""))).post("/v1/tags")
                .then().statusCode(400).body("code", equalTo("TagLimitExceeded"));
        as(account).body(change(List.of(vpc), Map.of("key", "k7", "value", "replaced"))).post("/v1/tags")
                .then().statusCode(204);
    }

    @Test
    void a_deleted_resource_takes_its_tags_with_it() {
        String account = newAccount();
        String vpc = createVpc(account, "10.65.0.0/16");
        as(account).body(change(List.of(vpc), Map.of("key", "env", "value", "dev"))).post("/v1/tags")
                .then().statusCode(204);
        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(204);
        as(account).get("/v1/tags").then().statusCode(200).body("$", empty());
        as(account).body(change(List.of(vpc), Map.of("key", "env", "value", "dev"))).post("/v1/tags")
                .then().statusCode(404).body("code", equalTo("InvalidVpcID.NotFound"));
    }

    @Test
    void load_balancers_and_target_groups_take_tags_by_arn() {
        String account = newAccount();
        String vpc = createVpc(account, "10.66.0.0/16");
        String subnet = createSubnet(account, vpc, "10.66.1.0/24", "us-east-1a");
        String lb = NetworkApi.createLoadBalancer(account, "tagged", "network", subnet);
        as(account).body(change(List.of(lb), Map.of("key", "team", "value", "blue"))).post("/v1/tags")
                .then().statusCode(204);
        as(account).get("/v1/tags").then().body("find { it.resourceId == '" + lb + "' }.resourceType",
                equalTo("loadbalancer"));
        as(newAccount()).body(change(List.of(lb), Map.of("key", "team", "value", "red"))).post("/v1/tags")
                .then().statusCode(404).body("code", equalTo("LoadBalancerNotFound"));
        as(account).delete("/v1/load-balancers/tagged").then().statusCode(204);
        as(account).get("/v1/tags").then().body("resourceId", empty());
    }

    @Test
    void load_balancers_and_target_groups_made_with_tags_have_them_and_a_bad_tag_makes_neither() {
        String account = newAccount();
        String vpc = createVpc(account, "10.67.0.0/16");
        String subnet = createSubnet(account, vpc, "10.67.1.0/24", "us-east-1a");
        List<Map<String, String>> team = List.of(Map.of("key", "team", "value", "blue"));
        String lb = as(account).body(Map.of("name", "made-tagged", "type", "network", "subnetIds", List.of(subnet),
                "tags", team)).post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");
        String group = as(account).body(Map.of("name", "made-tagged", "protocol", "TCP", "port", 80, "vpcId", vpc,
                "tags", team)).post("/v1/target-groups").then().statusCode(201).extract().path("targetGroupArn");
        as(account).get("/v1/tags").then().statusCode(200)
                .body("find { it.resourceId == '" + lb + "' }.tags[0].value", equalTo("blue"))
                .body("find { it.resourceId == '" + group + "' }.resourceType", equalTo("targetgroup"))
                .body("find { it.resourceId == '" + group + "' }.tags[0].key", equalTo("team"));

        List<Map<String, String>> bad = List.of(Map.of("key", "aws:team", "value", "x"));
        as(account).body(Map.of("name", "refused", "type", "network", "subnetIds", List.of(subnet), "tags", bad))
                .post("/v1/load-balancers").then().statusCode(400).body("field", equalTo("tags[0].key"));
        as(account).body(Map.of("name", "refused", "protocol", "TCP", "port", 80, "vpcId", vpc, "tags", bad))
                .post("/v1/target-groups").then().statusCode(400).body("field", equalTo("tags[0].key"));
        as(account).get("/v1/load-balancers/refused").then().statusCode(404);
        as(account).get("/v1/target-groups/refused").then().statusCode(404);
    }
}

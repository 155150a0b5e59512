package dev.privet.network.api;

import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.eventstore.Transactions;
import dev.privet.network.app.NetworkTags;
import dev.privet.runtime.tags.TaggedResource;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.newAccount;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** A load balancer's and its listeners' attributes, and its listeners' tags, as the Terraform AWS provider uses them. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service load balancer and listener attributes, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoadBalancerAttributeApiTest {
    @Inject
    Transactions transactions;
    @Inject
    NetworkTags tags;
    /** What the Terraform AWS provider sends for every network load balancer it creates. */
    static final List<Map<String, String>> TERRAFORMS = List.of(
            attribute("access_logs.s3.enabled", "false"),
            attribute("deletion_protection.enabled", "false"),
            attribute("load_balancing.cross_zone.enabled", "false"),
            attribute("dns_record.client_routing_policy", "any_availability_zone"),
            attribute("zonal_shift.config.enabled", "false"));
    static final List<String> KEYS = List.of("access_logs.s3.enabled", "access_logs.s3.bucket",
            "access_logs.s3.prefix", "deletion_protection.enabled", "load_balancing.cross_zone.enabled",
            "dns_record.client_routing_policy", "zonal_shift.config.enabled");

    static Map<String, String> attribute(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    static Map<String, Object> change(List<Map<String, String>> attributes) {
        return Map.of("attributes", attributes);
    }

    /** A network load balancer named {@code name} in a new subnet of a new VPC of {@code account}. */
    static String createNlb(String account, String name) {
        String subnet = createSubnet(account, createVpc(account, "10.70.0.0/16"), "10.70.1.0/24", "us-east-1a");
        return as(account).body(Map.of("name", name, "type", "network", "subnetIds", List.of(subnet)))
                .post("/v1/load-balancers").then().statusCode(201).extract().path("loadBalancerArn");
    }

    @Test
    void a_load_balancer_has_a_network_load_balancers_attributes_and_takes_terraforms() {
        String account = newAccount();
        createNlb(account, "web");
        as(account).get("/v1/load-balancers/web/attributes").then().statusCode(200)
                .body("key", equalTo(KEYS))
                .body("value", contains("false", "", "", "false", "false", "any_availability_zone", "false"));

        as(account).body(change(TERRAFORMS)).post("/v1/load-balancers/web/attributes").then().statusCode(200)
                .body("key", equalTo(KEYS));
        as(account).body(change(List.of(attribute("load_balancing.cross_zone.enabled", "true"),
                        attribute("dns_record.client_routing_policy", "partial_availability_zone_affinity"),
                        attribute("zonal_shift.config.enabled", "true"))))
                .post("/v1/load-balancers/web/attributes").then().statusCode(200)
                .body("value", contains("false", "", "", "false", "true", "partial_availability_zone_affinity",
                        "true"));
        as(account).get("/v1/load-balancers/web/attributes").then().statusCode(200)
                .body("find { it.key == 'load_balancing.cross_zone.enabled' }.value", equalTo("true"));
        as(newAccount()).get("/v1/load-balancers/web/attributes").then().statusCode(404)
                .body("code", equalTo("LoadBalancerNotFound"));
    }

    @Test
    void deletion_protection_keeps_the_load_balancer_until_it_is_turned_off() {
        String account = newAccount();
        createNlb(account, "kept");
        as(account).body(change(List.of(attribute("deletion_protection.enabled", "true"))))
                .post("/v1/load-balancers/kept/attributes").then().statusCode(200);

        as(account).delete("/v1/load-balancers/kept").then().statusCode(409)
                .body("code", equalTo("OperationNotPermitted"))
                .body("detail", containsString("deletion protection is enabled"));
        as(account).get("/v1/load-balancers/kept").then().statusCode(200);

        as(account).body(change(List.of(attribute("deletion_protection.enabled", "false"))))
                .post("/v1/load-balancers/kept/attributes").then().statusCode(200);
        as(account).delete("/v1/load-balancers/kept").then().statusCode(204);
        as(account).get("/v1/load-balancers/kept/attributes").then().statusCode(404);
    }

    @Test
    void bad_attributes_are_refused_by_field_and_change_nothing() {
        String account = newAccount();
        createNlb(account, "strict");
        String path = "/v1/load-balancers/strict/attributes";
        as(account).body(change(List.of(attribute("deletion_protection.enabled", "true"),
                        attribute("secondary_ips.auto_assigned.per_subnet", "1"))))
                .post(path).then().statusCode(400).body("code", equalTo("InvalidParameterValue"))
                .body("field", equalTo("attributes[1].key"))
                .body("detail", equalTo("attribute key 'secondary_ips.auto_assigned.per_subnet' is not recognized"));
        as(account).body(change(List.of(attribute("deletion_protection.enabled", "yes")))).post(path).then()
                .statusCode(400).body("field", equalTo("attributes[0].value"));
        as(account).body(change(List.of(attribute("dns_record.client_routing_policy", "nearest")))).post(path)
                .then().statusCode(400).body("field", equalTo("attributes[0].value"))
                .body("detail", containsString("availability_zone_affinity"));
        as(account).body(change(List.of(attribute("access_logs.s3.enabled", "true")))).post(path).then()
                .statusCode(400).body("field", equalTo("attributes[0].value"))
                .body("detail", containsString("Access logs are not supported"));
        as(account).body(change(List.of(attribute("access_logs.s3.bucket", "my-logs")))).post(path).then()
                .statusCode(400).body("field", equalTo("attributes[0].value"));
        as(account).body(change(Collections.nCopies(21, attribute("zonal_shift.config.enabled", "true"))))
                .post(path).then().statusCode(400).body("field", equalTo("attributes"));
        as(account).body(change(List.of())).post(path).then().statusCode(400).body("field", equalTo("attributes"));
        as(account).body(Map.of("attributes", List.of(Map.of("key", "zonal_shift.config.enabled")))).post(path)
                .then().statusCode(400).body("field", equalTo("attributes[0].value"));
        as(account).body("{}").post(path).then().statusCode(400);

        as(account).get(path).then().statusCode(200)
                .body("value", contains("false", "", "", "false", "false", "any_availability_zone", "false"));
        as(account).delete("/v1/load-balancers/strict").then().statusCode(204);
    }

    @Test
    void a_listener_has_the_idle_timeout_of_aws_and_takes_only_that() {
        String account = newAccount();
        String lb = createNlb(account, "idle");
        String vpc = as(account).get("/v1/load-balancers/idle").then().extract().path("vpcId");
        String group = as(account).body(Map.of("name", "idle", "protocol", "TCP", "port", 8443, "vpcId", vpc,
                "targetType", "ip")).post("/v1/target-groups").then().statusCode(201).extract().path("targetGroupArn");
        as(account).body(Map.of("protocol", "TCP", "port", 443, "targetGroupArn", group))
                .post("/v1/load-balancers/idle/listeners").then().statusCode(201);
        String path = "/v1/load-balancers/idle/listeners/443/attributes";

        as(account).get(path).then().statusCode(200).body("key", contains("tcp.idle_timeout.seconds"))
                .body("value", contains("350"));
        as(account).body(change(List.of(attribute("tcp.idle_timeout.seconds", "350")))).post(path).then()
                .statusCode(200).body("value", contains("350"));
        as(account).body(change(List.of(attribute("tcp.idle_timeout.seconds", "60")))).post(path).then()
                .statusCode(400).body("field", equalTo("attributes[0].value"))
                .body("detail", containsString("close no connection for being idle"));
        as(account).body(change(List.of(attribute("tcp.idle_timeout.seconds", "0")))).post(path).then()
                .statusCode(400).body("field", equalTo("attributes[0].value"));
        as(account).body(change(List.of(attribute("routing.http2.enabled", "true")))).post(path).then()
                .statusCode(400).body("detail", equalTo("attribute key 'routing.http2.enabled' is not recognized"));
        as(account).get("/v1/load-balancers/idle/listeners/80/attributes").then().statusCode(404)
                .body("code", equalTo("ListenerNotFound"))
                .body("detail", containsString(lb.replace(":loadbalancer/", ":listener/")));
    }

    @Test
    void a_listener_is_tagged_as_it_is_made_and_its_tags_go_with_it() {
        String account = newAccount();
        String lb = createNlb(account, "tagged");
        String vpc = as(account).get("/v1/load-balancers/tagged").then().extract().path("vpcId");
        String group = as(account).body(Map.of("name", "tagged", "protocol", "TCP", "port", 8443, "vpcId", vpc,
                "targetType", "ip")).post("/v1/target-groups").then().statusCode(201).extract().path("targetGroupArn");
        String listener = as(account).body(Map.of("protocol", "TCP", "port", 443, "targetGroupArn", group,
                        "tags", List.of(Map.of("key", "team", "value", "blue"))))
                .post("/v1/load-balancers/tagged/listeners").then().statusCode(201).extract().path("listenerArn");

        as(account).get("/v1/tags").then().statusCode(200).body("resourceId", contains(listener))
                .body("[0].resourceType", equalTo("listener")).body("[0].tags.value", contains("blue"));
        as(account).body(Map.of("resourceIds", List.of(listener), "tags", List.of(Map.of("key", "env", "value",
                "dev")))).post("/v1/tags").then().statusCode(204);
        as(account).get("/v1/tags").then().body("[0].tags.key", contains("env", "team"));
        as(account).body(Map.of("resourceIds", List.of(LoadBalancerArn.listenerArn(lb, 80)),
                        "tags", List.of(Map.of("key", "env", "value", "dev"))))
                .post("/v1/tags").then().statusCode(404).body("code", equalTo("ListenerNotFound"));
        as(account).body(Map.of("protocol", "TCP", "port", 444, "targetGroupArn", group,
                        "tags", List.of(Map.of("key", "aws:reserved", "value", "x"))))
                .post("/v1/load-balancers/tagged/listeners").then().statusCode(400);
        as(account).get("/v1/load-balancers/tagged/listeners").then().body("port", contains(443)); // refused whole

        as(account).delete("/v1/load-balancers/tagged/listeners/443").then().statusCode(204);
        as(account).get("/v1/tags").then().body("$", empty());
        // a tag change that saw the listener and committed after its deletion leaves a tag in its stream
        transactions.inTransaction(c -> {
            tags.tagNew(c, new TaggedResource(listener, "listener", account), List.of(new Tag("stale", "x")),
                    EventMetadata.forRequest(account));
            return null;
        });
        as(account).body(Map.of("protocol", "TCP", "port", 443, "targetGroupArn", group))
                .post("/v1/load-balancers/tagged/listeners").then().statusCode(201)
                .body("listenerArn", equalTo(listener)); // the same ARN again, and none of the old tags
        as(account).get("/v1/tags").then().body("$", empty());
        as(account).body(Map.of("resourceIds", List.of(listener), "tags", List.of(Map.of("key", "env", "value",
                "prod")))).post("/v1/tags").then().statusCode(204);
        as(account).get("/v1/tags").then().body("[0].tags.key", contains("env"));
    }
}

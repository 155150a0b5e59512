package dev.privet.network.api;

import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.NetworkEvent.EndpointInterfacesRetired;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.runtime.Caller;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.privet.network.api.SecurityGroupApiTest.defaultGroupOf;
import static dev.privet.network.api.NetworkApi.OTHER;
import static dev.privet.network.api.NetworkApi.OWNER;
import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createLoadBalancer;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service API and reactions, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NetworkApiTest {
    @Inject
    StoredEvents store;

    @Test
    void resources_read_back_at_once_after_they_are_created() {
        String vpc = createVpc(OWNER, "10.0.0.0/16");
        as(OWNER).get("/v1/vpcs/" + vpc).then().statusCode(200).body("cidrBlock", equalTo("10.0.0.0/16"))
                .body("ownerId", equalTo(OWNER));
        String subnet = createSubnet(OWNER, vpc, "10.0.1.0/24", "us-east-1a");
        as(OWNER).get("/v1/subnets/" + subnet).then().statusCode(200).body("vpcId", equalTo(vpc))
                .body("availableIpAddressCount", equalTo(251));
        createLoadBalancer(OWNER, "web-" + subnet.substring(7, 15), "network", subnet);
        as(OWNER).get("/v1/load-balancers/web-" + subnet.substring(7, 15)).then().statusCode(200)
                .body("vpcId", equalTo(vpc)).body("listeners[0].port", equalTo(443));
        as(OTHER).get("/v1/vpcs/" + vpc).then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("InvalidVpcID.NotFound"));
        as(OTHER).get("/v1/subnets/" + subnet).then().statusCode(404).body("code", equalTo("InvalidSubnetID.NotFound"));
        as(OTHER).get("/v1/load-balancers/web-" + subnet.substring(7, 15)).then().statusCode(404)
                .body("code", equalTo("LoadBalancerNotFound"));
    }

    @Test
    void a_vpcs_attributes_start_as_in_aws_and_change_one_by_one() {
        String owner = NetworkApi.newAccount();
        String vpc = createVpc(owner, "10.3.0.0/16");
        as(owner).get("/v1/vpcs/" + vpc).then().statusCode(200).body("attributes.enableDnsSupport", equalTo(true))
                .body("attributes.enableDnsHostnames", equalTo(false))
                .body("attributes.enableNetworkAddressUsageMetrics", equalTo(false));
        as(owner).body(Map.of("enableDnsHostnames", true)).patch("/v1/vpcs/" + vpc + "/attributes").then()
                .statusCode(200).body("vpcId", equalTo(vpc)).body("attributes.enableDnsHostnames", equalTo(true))
                .body("attributes.enableDnsSupport", equalTo(true));
        as(owner).get("/v1/vpcs").then().statusCode(200)
                .body("find { it.vpcId == '" + vpc + "' }.attributes.enableDnsHostnames", equalTo(true));
        long before = store.appendedBy(owner);
        as(owner).body(Map.of("enableDnsHostnames", true)).patch("/v1/vpcs/" + vpc + "/attributes").then()
                .statusCode(200);
        assertThat(store.appendedBy(owner)).as("a change to what is already so records nothing").isEqualTo(before);
    }

    @Test
    void a_bad_change_of_a_vpcs_attributes_names_the_field_and_appends_nothing() {
        String owner = NetworkApi.newAccount();
        String vpc = createVpc(owner, "10.4.0.0/16");
        long before = store.appendedBy(owner);
        record Case(String account, String vpcId, String body, int status, String field, String code) {
        }
        for (Case c : List.of(
                new Case(owner, vpc, "{}", 400, "enableDnsSupport", "MissingParameter"),
                new Case(owner, vpc, "[true]", 400, "enableDnsSupport", "MissingParameter"),
                new Case(owner, vpc, "{\"enableDnsHostname\":true}", 400, "enableDnsHostname", "InvalidParameterValue"),
                new Case(owner, vpc, "{\"enableDnsSupport\":\"yes\"}", 400, "enableDnsSupport", "InvalidParameterValue"),
                new Case(owner, vpc, "{\"enableDnsSupport\":false,\"enableDnsHostnames\":true}", 400,
                        "enableDnsHostnames", "InvalidParameterCombination"),
                new Case(OTHER, vpc, "{\"enableDnsHostnames\":true}", 404, "vpcId", "InvalidVpcID.NotFound"),
                new Case(owner, IdFormat.VPC.newId(), "{\"enableDnsHostnames\":true}", 404, "vpcId", "InvalidVpcID.NotFound"),
                new Case(owner, "vpc-123", "{\"enableDnsHostnames\":true}", 400, "vpcId", "InvalidParameterValue"))) {
            as(c.account()).body(c.body()).patch("/v1/vpcs/" + c.vpcId() + "/attributes").then()
                    .statusCode(c.status()).contentType("application/problem+json")
                    .body("field", equalTo(c.field())).body("code", equalTo(c.code()));
        }
        assertThat(store.appendedBy(owner)).isEqualTo(before);
        as(owner).get("/v1/vpcs/" + vpc).then().body("attributes.enableDnsSupport", equalTo(true))
                .body("attributes.enableDnsHostnames", equalTo(false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"cidrBlock\":\"10.0.0.1/16\"}|cidrBlock",
            "{\"cidrBlock\":\"10.0.0.0/8\"}|cidrBlock",
            "{}|cidrBlock",
            "{\"cidrBlock\":42}|cidrBlock",
            "{\"cidrBlock\":[1]}|cidrBlock"})
    void a_bad_vpc_request_names_the_field_and_appends_nothing(String body, String field) {
        long before = store.count();
        as(OWNER).body(body).post("/v1/vpcs").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field));
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void bad_subnet_and_load_balancer_requests_name_the_field_and_append_nothing() {
        String vpc = createVpc(OWNER, "10.1.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.1.1.0/24", "us-east-1a");
        createLoadBalancer(OWNER, "taken-" + subnet.substring(7, 15), "network", subnet);
        long before = store.count();
        record Case(String path, Object body, String field, String code) {
        }
        List<Case> cases = List.of(
                new Case("/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "10.2.0.0/24", "availabilityZone", "us-east-1a"), "cidrBlock", "InvalidSubnet.Range"),
                new Case("/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "10.1.1.0/25", "availabilityZone", "us-east-1a"), "cidrBlock", "InvalidSubnet.Conflict"),
                new Case("/v1/subnets", Map.of("vpcId", vpc, "cidrBlock", "10.1.2.0/24", "availabilityZone", "eu-west-1a"), "availabilityZone", "InvalidParameterValue"),
                new Case("/v1/subnets", Map.of("vpcId", "vpc-123", "cidrBlock", "10.1.2.0/24", "availabilityZone", "us-east-1a"), "vpcId", "InvalidParameterValue"),
                new Case("/v1/subnets", Map.of("vpcId", IdFormat.VPC.newId(), "cidrBlock", "10.1.2.0/24", "availabilityZone", "us-east-1a"), "vpcId", "InvalidVpcID.NotFound"),
                new Case("/v1/load-balancers", Map.of("name", "-bad", "subnetIds", List.of(subnet), "listeners", List.of(Map.of("port", 80))), "name", "InvalidParameterValue"),
                new Case("/v1/load-balancers", Map.of("name", "lb1", "type", "application", "subnetIds", List.of(subnet), "listeners", List.of(Map.of("port", 80))), "type", "InvalidParameterValue"),
                new Case("/v1/load-balancers", Map.of("name", "lb1", "scheme", "public", "subnetIds", List.of(subnet)), "scheme", "InvalidParameterValue"),
                new Case("/v1/load-balancers", Map.of("name", "lb1", "subnetIds", List.of(IdFormat.SUBNET.newId()), "listeners", List.of(Map.of("port", 80))), "subnetIds[0]", "InvalidSubnetID.NotFound"),
                new Case("/v1/load-balancers", Map.of("name", "lb1", "subnetIds", List.of(subnet), "listeners", List.of(Map.of("port", 0))), "listeners[0].port", "InvalidParameterValue"),
                new Case("/v1/load-balancers", Map.of("name", "lb1", "subnetIds", List.of(subnet), "listeners",
                        java.util.Arrays.asList((Object) null)), "listeners[0]", "MissingParameter"),
                new Case("/v1/load-balancers", Map.of("name", "lb1", "subnetIds", List.of(subnet), "listeners", List.of(Map.of("port", 80)),
                        "targets", List.of(Map.of("host", "", "port", 80))), "targets[0].host", "MissingParameter"),
                new Case("/v1/load-balancers", Map.of("name", "taken-" + subnet.substring(7, 15), "subnetIds", List.of(subnet),
                        "listeners", List.of(Map.of("port", 80))), "name", "DuplicateLoadBalancerName"));
        for (Case c : cases) {
            as(OWNER).body(c.body()).post(c.path()).then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(c.field())).body("code", equalTo(c.code()));
        }
        given().contentType(ContentType.JSON).body(Map.of("cidrBlock", "10.0.0.0/16")).post("/v1/vpcs")
                .then().statusCode(401).body("field", equalTo(Caller.HEADER));
        as(OWNER).body("{not json").post("/v1/vpcs").then().statusCode(400).contentType("application/problem+json");
        as(OWNER, "k".repeat(65)).body(Map.of("cidrBlock", "10.0.0.0/16")).post("/v1/vpcs").then().statusCode(400)
                .body("field", equalTo("Idempotency-Key"));
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void a_load_balancer_keeps_its_scheme_internet_facing_unless_asked_otherwise() {
        String vpc = createVpc(OWNER, "10.3.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.3.1.0/24", "us-east-1a");
        String facing = "facing-" + subnet.substring(7, 15);
        String internal = "private-" + subnet.substring(7, 15);
        as(OWNER).body(Map.of("name", facing, "subnetIds", List.of(subnet))).post("/v1/load-balancers").then()
                .statusCode(201).body("scheme", equalTo("internet-facing"));
        as(OWNER).body(Map.of("name", internal, "scheme", "internal", "subnetIds", List.of(subnet)))
                .post("/v1/load-balancers").then().statusCode(201).body("scheme", equalTo("internal"));
        as(OWNER).get("/v1/load-balancers/" + internal).then().statusCode(200).body("scheme", equalTo("internal"));
        as(OWNER, "same-" + facing).body(Map.of("name", "again-" + subnet.substring(7, 15), "subnetIds",
                List.of(subnet))).post("/v1/load-balancers").then().statusCode(201);
        // spelling out the default is the same request
        as(OWNER, "same-" + facing).body(Map.of("name", "again-" + subnet.substring(7, 15), "scheme",
                "internet-facing", "subnetIds", List.of(subnet))).post("/v1/load-balancers").then().statusCode(201);
    }

    @Test
    void a_service_on_a_network_load_balancer_is_verified_and_on_anything_else_rejected() {
        String vpc = createVpc(OWNER, "10.2.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.2.1.0/24", "us-east-1b");
        String nlb = createLoadBalancer(OWNER, "nlb-" + subnet.substring(7, 15), "network", subnet);
        String gwlb = createLoadBalancer(OWNER, "gwlb-" + subnet.substring(7, 15), "gateway", subnet);
        String good = IdFormat.ENDPOINT_SERVICE.newId();
        String bad = IdFormat.ENDPOINT_SERVICE.newId();

        KafkaEvents.publish(new EndpointServiceCreated(good, "com.amazonaws.vpce.us-east-1." + good, OWNER, "us-east-1",
                List.of(nlb), false), 1, OWNER);
        KafkaEvents.publish(new EndpointServiceCreated(bad, "com.amazonaws.vpce.us-east-1." + bad, OWNER, "us-east-1",
                List.of(gwlb), false), 1, OWNER);

        assertThat(KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersVerified.class, e -> e.serviceId().equals(good))
                .loadBalancerArns()).containsExactly(nlb);
        assertThat(KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersRejected.class, e -> e.serviceId().equals(bad))
                .reason()).contains("not a network load balancer");
    }

    @Test
    void a_redelivered_service_creation_is_verified_only_once() {
        String vpc = createVpc(OWNER, "10.7.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.7.1.0/24", "us-east-1a");
        String nlb = createLoadBalancer(OWNER, "once-" + subnet.substring(7, 15), "network", subnet);
        String service = IdFormat.ENDPOINT_SERVICE.newId();
        var created = new EndpointServiceCreated(service, "com.amazonaws.vpce.us-east-1." + service, OWNER,
                "us-east-1", List.of(nlb), false);

        KafkaEvents.publish(created, 1, OWNER);
        KafkaEvents.await(Topic.NETWORK, ServiceLoadBalancersVerified.class, e -> e.serviceId().equals(service));
        KafkaEvents.publish(created, 1, OWNER); // the provider's relay may publish an event twice
        // a later event of the same service, on the same partition, proves the redelivery was processed
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        KafkaEvents.accept(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, List.of(subnet),
                List.of(nlb)), OWNER, defaultGroupOf(OWNER, vpc));
        KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class, e -> e.vpcEndpointId().equals(endpoint));

        assertThat(store.streamLength(service)).isEqualTo(1);
    }

    @Test
    void an_accepted_endpoint_gets_an_interface_per_subnet_released_after_its_dns_is_removed() {
        String vpc = createVpc(OWNER, "10.3.0.0/16");
        String subnetA = createSubnet(OWNER, vpc, "10.3.1.0/24", "us-east-1a");
        String subnetB = createSubnet(OWNER, vpc, "10.3.2.0/24", "us-east-1b");
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        String service = IdFormat.ENDPOINT_SERVICE.newId();

        KafkaEvents.accept(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, List.of(subnetA, subnetB),
                List.of("arn:nlb")), OWNER, defaultGroupOf(OWNER, vpc));

        EndpointNetworkProvisioned provisioned = KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class,
                e -> e.vpcEndpointId().equals(endpoint));
        assertThat(provisioned.networkInterfaces()).extracting(i -> i.privateIpAddress())
                .containsExactly("10.3.1.4", "10.3.2.4");
        assertThat(provisioned.networkInterfaces()).extracting(i -> i.availabilityZone())
                .containsExactly("us-east-1a", "us-east-1b");
        // the interfaces commit with the provisioning: once it is on Kafka, the read model shows them
        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().statusCode(200).body("$", hasSize(2))
                .body("securityGroupIds[0]", contains(defaultGroupOf(OWNER, vpc)))
                .body("securityGroupIds[1]", contains(defaultGroupOf(OWNER, vpc)));
        as(OWNER).get("/v1/subnets/" + subnetA).then().body("availableIpAddressCount", equalTo(250));
        as(OTHER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().statusCode(200).body("$", hasSize(0));

        KafkaEvents.publish(new EndpointDnsRemoved(endpoint, service), 2, OWNER);

        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class,
                e -> e.vpcEndpointId().equals(endpoint)).networkInterfaceIds()).hasSize(2);
        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().body("$", hasSize(0));
        as(OWNER).get("/v1/subnets/" + subnetA).then().body("availableIpAddressCount", equalTo(251));
        as(OWNER).get("/v1/subnets/" + subnetB).then().body("availableIpAddressCount", equalTo(251));
    }

    @Test
    void a_change_of_subnets_builds_the_added_interfaces_and_deletes_the_removed_ones_once_the_names_left_them() {
        String vpc = createVpc(OWNER, "10.7.0.0/16");
        String subnetA = createSubnet(OWNER, vpc, "10.7.1.0/24", "us-east-1a");
        String subnetB = createSubnet(OWNER, vpc, "10.7.2.0/24", "us-east-1b");
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        String service = IdFormat.ENDPOINT_SERVICE.newId();
        KafkaEvents.accept(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, List.of(subnetA),
                List.of()), OWNER, defaultGroupOf(OWNER, vpc));
        String eniA = KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class,
                e -> e.vpcEndpointId().equals(endpoint)).networkInterfaces().getFirst().networkInterfaceId();

        KafkaEvents.publish(new VpcEndpointSubnetsChanged(endpoint, service, vpc, List.of(subnetB), List.of(subnetB),
                List.of(subnetA)), 5, OWNER);
        var modified = KafkaEvents.await(Topic.NETWORK, EndpointNetworkModified.class,
                e -> e.vpcEndpointId().equals(endpoint));
        assertThat(modified.networkInterfaces()).extracting(i -> i.subnetId()).containsExactly(subnetB);
        assertThat(modified.retiringInterfaceIds()).containsExactly(eniA);
        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().body("$", hasSize(2));

        KafkaEvents.publish(new EndpointDnsPublished(endpoint, service, List.of(), modified.networkInterfaces()), 2,
                OWNER);
        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointInterfacesRetired.class,
                e -> e.vpcEndpointId().equals(endpoint)).networkInterfaceIds()).containsExactly(eniA);
        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then()
                .body("subnetId", contains(subnetB));
        as(OWNER).get("/v1/subnets/" + subnetA).then().body("availableIpAddressCount", equalTo(251));

        KafkaEvents.publish(new VpcEndpointSubnetsChanged(endpoint, service, vpc, List.of(subnetB, "subnet-x"),
                List.of(IdFormat.SUBNET.newId()), List.of()), 6, OWNER);
        var failed = KafkaEvents.await(Topic.NETWORK, EndpointNetworkModificationFailed.class,
                e -> e.vpcEndpointId().equals(endpoint));
        assertThat(failed.reason()).contains("does not exist");
        assertThat(failed.subnetIds()).containsExactly(subnetB);
        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().body("$", hasSize(1));
    }

    @Test
    void an_endpoint_that_cannot_have_all_its_interfaces_gets_none() {
        String vpc = createVpc(OWNER, "10.6.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.6.1.0/24", "us-east-1a");
        String endpoint = IdFormat.VPC_ENDPOINT.newId();

        KafkaEvents.accept(new EndpointConnectionAccepted(IdFormat.ENDPOINT_SERVICE.newId(), endpoint, OWNER, vpc,
                List.of(subnet, IdFormat.SUBNET.newId()), List.of()), OWNER, defaultGroupOf(OWNER, vpc));

        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointNetworkFailed.class,
                e -> e.vpcEndpointId().equals(endpoint)).reason()).contains("does not exist");
        as(OWNER).get("/v1/subnets/" + subnet).then().body("availableIpAddressCount", equalTo(251));
        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().body("$", hasSize(0));
    }

    @Test
    void an_acceptance_that_arrives_after_the_release_builds_nothing() {
        String vpc = createVpc(OWNER, "10.4.0.0/16");
        String subnet = createSubnet(OWNER, vpc, "10.4.1.0/24", "us-east-1a");
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        String service = IdFormat.ENDPOINT_SERVICE.newId();

        KafkaEvents.publish(new EndpointDnsRemoved(endpoint, service), 2, OWNER);
        assertThat(KafkaEvents.await(Topic.NETWORK, EndpointNetworkReleased.class,
                e -> e.vpcEndpointId().equals(endpoint)).networkInterfaceIds()).isEmpty();
        KafkaEvents.accept(new EndpointConnectionAccepted(service, endpoint, OWNER, vpc, List.of(subnet), List.of()),
                OWNER, defaultGroupOf(OWNER, vpc));
        // a later acceptance for another endpoint proves the first one was processed
        String next = IdFormat.VPC_ENDPOINT.newId();
        KafkaEvents.accept(new EndpointConnectionAccepted(service, next, OWNER, vpc, List.of(subnet), List.of()),
                OWNER, defaultGroupOf(OWNER, vpc));
        KafkaEvents.await(Topic.NETWORK, EndpointNetworkProvisioned.class, e -> e.vpcEndpointId().equals(next));

        as(OWNER).get("/v1/network-interfaces?vpcEndpointId=" + endpoint).then().statusCode(200).body("$", hasSize(0));
        assertThat(store.streamLength(endpoint)).isEqualTo(1); // the release, and nothing after it
        as(OWNER).get("/v1/subnets/" + subnet).then().body("availableIpAddressCount", equalTo(250)); // next's only
    }
}

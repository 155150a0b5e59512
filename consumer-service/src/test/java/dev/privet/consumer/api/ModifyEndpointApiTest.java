package dev.privet.consumer.api;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.testkit.PrivetServiceTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.privet.consumer.api.ConsumerApi.ASYNC;
import static dev.privet.consumer.domain.AccessControls.FULL_ACCESS;
import static dev.privet.consumer.api.ConsumerApi.PROVIDER;
import static dev.privet.consumer.api.ConsumerApi.body;
import static dev.privet.consumer.api.ConsumerApi.create;
import static dev.privet.consumer.api.ConsumerApi.get;
import static dev.privet.consumer.api.ConsumerApi.modify;
import static dev.privet.consumer.api.ConsumerApi.newAccount;
import static dev.privet.consumer.api.ConsumerApi.rootArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Changing an endpoint through the API ({@code PATCH /v1/vpc-endpoints/{id}}), with network- and dns-service played
 * by {@link OtherServices}: its subnets (pending until the names point at the new interfaces, back to available on
 * the old subnets when the network cannot make the change), its security groups and policy (at once), and every bad
 * request refused by field.
 */
@QuarkusTest
@WithTestResource(PrivetServiceTestResource.class)
@DisplayName("a change of an endpoint")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModifyEndpointApiTest {
    static OtherServices others;

    @Inject
    DataSource dataSource;

    String consumer;
    String service;
    OtherServices.Network first;
    OtherServices.Network second;

    @BeforeAll
    static void connect() {
        others = new OtherServices();
    }

    /** A consumer of its own with a VPC of two subnets in two zones, allowed on a service of its own. */
    @BeforeEach
    void consumerWithTwoSubnets() {
        consumer = newAccount();
        service = others.availableService(PROVIDER, false, rootArn(consumer));
        first = others.vpcWithSubnet(consumer, "us-east-1a");
        second = others.subnetIn(consumer, first.vpcId(), "us-east-1b");
    }

    /** An endpoint in {@link #first}, made available as the other services would. */
    String availableEndpoint() {
        String id = create(consumer, body(service, first.vpcId(), List.of(first.subnetId()))).statusCode(201)
                .extract().path("vpcEndpointId");
        others.accept(PROVIDER, service, id, first);
        others.publishDns(PROVIDER, service, id, first, "eni-0000000000000000a", List.of(regional(id)));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available")));
        return id;
    }

    static DnsEntry regional(String id) {
        return new DnsEntry(id + "-abcdefgh.vpce-svc.us-east-1.vpce.amazonaws.com", "Z7HUB22UULQXV");
    }

    @Test
    void is_pending_until_the_names_point_at_the_new_interfaces_then_available_with_them() {
        String id = availableEndpoint();

        modify(consumer, id, Map.of("addSubnetIds", List.of(second.subnetId()))).statusCode(200)
                .body("state", equalTo("pending"))
                .body("subnetIds", contains(first.subnetId(), second.subnetId()));
        get(consumer, id).body("state", equalTo("pending"));

        var zonal = new DnsEntry(id + "-abcdefgh-us-east-1b.vpce-svc.us-east-1.vpce.amazonaws.com", "Z7HUB22UULQXV");
        others.publish(PROVIDER, new EndpointDnsPublished(id, OtherServices.serviceIdOf(service),
                List.of(regional(id), zonal), List.of(
                new EndpointInterface("eni-0000000000000000a", first.subnetId(), "us-east-1a", "10.0.1.5", null),
                new EndpointInterface("eni-0000000000000000b", second.subnetId(), "us-east-1b", "10.0.1.6", null))));
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available"))
                .body("networkInterfaceIds", contains("eni-0000000000000000a", "eni-0000000000000000b"))
                .body("dnsEntries.dnsName", contains(regional(id).dnsName(), zonal.dnsName()))
                .body("failureReason", nullValue()));
    }

    @Test
    void that_the_network_could_not_make_leaves_it_available_on_its_old_subnets_with_the_reason() {
        String id = availableEndpoint();
        modify(consumer, id, Map.of("addSubnetIds", List.of(second.subnetId()))).statusCode(200);

        others.failModification(PROVIDER, service, id, "subnet is full", first);
        await().atMost(ASYNC).untilAsserted(() -> get(consumer, id).body("state", equalTo("available"))
                .body("subnetIds", contains(first.subnetId()))
                .body("networkInterfaceIds", contains("eni-0000000000000000a"))
                .body("failureReason", equalTo("subnet is full")));
    }

    @Test
    void security_groups_and_a_policy_given_at_creation_change_at_once_and_the_policy_resets_to_full_access() {
        String policy = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        String web = others.securityGroupIn(consumer, first.vpcId());
        String ops = others.securityGroupIn(consumer, first.vpcId());
        var request = new HashMap<>(body(service, first.vpcId(), List.of(first.subnetId())));
        request.put("securityGroupIds", List.of(web));
        request.put("policyDocument", policy);
        String id = create(consumer, request).statusCode(201)
                .body("securityGroupIds", contains(web))
                .body("policyDocument", equalTo(policy))
                .body("state", equalTo("pending"))
                .extract().path("vpcEndpointId");

        modify(consumer, id, Map.of("addSecurityGroupIds", List.of(ops),
                "removeSecurityGroupIds", List.of(web), "resetPolicy", true)).statusCode(200)
                .body("securityGroupIds", contains(ops))
                .body("policyDocument", equalTo(FULL_ACCESS))
                .body("state", equalTo("pending"));
        get(consumer, id).body("securityGroupIds", contains(ops)).body("policyDocument", equalTo(FULL_ACCESS));
    }

    @Test
    void an_endpoint_made_without_security_groups_has_its_vpc_s_default_group() {
        String id = create(consumer, body(service, first.vpcId(), List.of(first.subnetId()))).statusCode(201)
                .body("securityGroupIds", contains(others.defaultGroupOf(first.vpcId())))
                .extract().path("vpcEndpointId");
        get(consumer, id).body("securityGroupIds", contains(others.defaultGroupOf(first.vpcId())));
    }

    @Nested
    class a_bad_request_is_answered_naming_the_field_and_appends_nothing {

        void refused(String id, Object change, int status, String code, String field) throws SQLException {
            long before = ConsumerApi.eventsBy(dataSource, consumer);
            modify(consumer, id, change).statusCode(status).contentType("application/problem+json")
                    .body("code", equalTo(code)).body("field", equalTo(field));
            assertThat(ConsumerApi.eventsBy(dataSource, consumer)).isEqualTo(before);
        }

        @Test
        void for_the_subnets_named() throws SQLException {
            String id = availableEndpoint();
            refused(id, Map.of(), 400, "InvalidParameterValue", "addSubnetIds");
            refused(id, Map.of("addSubnetIds", List.of("subnet-x")), 400, "InvalidParameterValue", "addSubnetIds[0]");
            refused(id, Map.of("removeSubnetIds", List.of(first.subnetId(), first.subnetId())), 400,
                    "InvalidParameterValue", "removeSubnetIds[1]");
            refused(id, Map.of("addSubnetIds", List.of(IdFormat.SUBNET.newId())), 400, "InvalidSubnetID.NotFound",
                    "addSubnetIds[0]");
            refused(id, Map.of("addSubnetIds", List.of(first.subnetId())), 400, "InvalidParameterValue",
                    "addSubnetIds[0]");
            refused(id, Map.of("removeSubnetIds", List.of(second.subnetId())), 400, "InvalidParameterValue",
                    "removeSubnetIds[0]");
            refused(id, Map.of("removeSubnetIds", List.of(first.subnetId())), 400, "InvalidParameterValue",
                    "removeSubnetIds");
            var sameZone = others.subnetIn(consumer, first.vpcId(), "us-east-1a");
            refused(id, Map.of("addSubnetIds", List.of(sameZone.subnetId())), 400, "DuplicateSubnetsInSameZone",
                    "addSubnetIds[0]");
            var otherVpc = others.vpcWithSubnet(consumer, "us-east-1b");
            refused(id, Map.of("addSubnetIds", List.of(otherVpc.subnetId())), 400, "InvalidParameterValue",
                    "addSubnetIds[0]");
            get(consumer, id).body("state", equalTo("available")).body("subnetIds", contains(first.subnetId()));
        }

        @Test
        void for_the_security_groups_and_the_policy() throws SQLException {
            String id = availableEndpoint();
            refused(id, Map.of("addSecurityGroupIds", List.of("sg-nope")), 400, "InvalidGroupId.Malformed",
                    "addSecurityGroupIds[0]");
            String unused = others.securityGroupIn(consumer, first.vpcId());
            refused(id, Map.of("removeSecurityGroupIds", List.of(unused)), 400, "InvalidParameterValue",
                    "removeSecurityGroupIds[0]");
            refused(id, Map.of("addSecurityGroupIds", List.of(IdFormat.SECURITY_GROUP.newId())), 400,
                    "InvalidGroup.NotFound", "addSecurityGroupIds[0]");
            String elsewhere = others.securityGroupIn(consumer, others.vpcWithSubnet(consumer, "us-east-1a").vpcId());
            refused(id, Map.of("addSecurityGroupIds", List.of(elsewhere)), 400, "InvalidGroup.NotFound",
                    "addSecurityGroupIds[0]");
            String strangers = others.securityGroupIn(newAccount(), first.vpcId());
            refused(id, Map.of("addSecurityGroupIds", List.of(strangers)), 400, "InvalidGroup.NotFound",
                    "addSecurityGroupIds[0]");
            refused(id, Map.of("policyDocument", "{not json"), 400, "InvalidPolicyDocument", "policyDocument");
            refused(id, Map.of("policyDocument", "[1]"), 400, "InvalidPolicyDocument", "policyDocument");
            refused(id, Map.of("policyDocument", "{\"a\":\"" + "x".repeat(20_480) + "\"}"), 400,
                    "InvalidPolicyDocument", "policyDocument");
            refused(id, Map.of("policyDocument", "{}", "resetPolicy", true), 400, "InvalidParameterValue",
                    "resetPolicy");
            var withGroup = Map.of("addSecurityGroupIds", List.of(unused),
                    "removeSubnetIds", List.of(second.subnetId()));
            refused(id, withGroup, 400, "InvalidParameterValue", "removeSubnetIds[0]"); // all or nothing
            refused(id, Map.of("removeSecurityGroupIds", List.of(others.defaultGroupOf(first.vpcId()))), 400,
                    "InvalidParameter", "removeSecurityGroupIds"); // its last group
            get(consumer, id).body("securityGroupIds", contains(others.defaultGroupOf(first.vpcId())));
        }

        @Test
        void for_an_endpoint_not_available_or_not_the_callers() throws SQLException {
            String pending = create(consumer, body(service, first.vpcId(), List.of(first.subnetId())))
                    .statusCode(201).extract().path("vpcEndpointId");
            var add = Map.of("addSubnetIds", List.of(second.subnetId()));
            refused(pending, add, 400, "IncorrectState", "vpcEndpointId");
            refused(IdFormat.VPC_ENDPOINT.newId(), add, 404, "InvalidVpcEndpointId.NotFound", "vpcEndpointId");
            refused("vpce-nope", add, 400, "InvalidVpcEndpointId.Malformed", "vpcEndpointId");
            String stranger = newAccount();
            long before = ConsumerApi.eventsBy(dataSource, stranger);
            modify(stranger, pending, add).statusCode(404).body("code", equalTo("InvalidVpcEndpointId.NotFound"));
            assertThat(ConsumerApi.eventsBy(dataSource, stranger)).isEqualTo(before);
        }
    }
}

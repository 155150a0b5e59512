package dev.privet.network.api;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.NetworkEvent.EndpointSecurityGroupsApplied;
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

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.privet.network.api.NetworkApi.as;
import static dev.privet.network.api.NetworkApi.createSubnet;
import static dev.privet.network.api.NetworkApi.createVpc;
import static dev.privet.network.api.NetworkApi.listed;
import static dev.privet.network.api.NetworkApi.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** Security groups and their rules, each VPC's default group with it; recorded and shown, not enforced yet. */
@QuarkusTest
@QuarkusTestResource(PrivetServiceTestResource.class)
@DisplayName("network-service security groups, on real Kafka and PostgreSQL")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecurityGroupApiTest {
    static final String GROUPS = "/v1/security-groups";
    static final String RULE_ID = "sgr-[0-9a-f]{17}";

    @Inject
    StoredEvents store;

    static String createGroup(String account, String vpc, String name) {
        return as(account).body(Map.of("groupName", name, "description", "the " + name + " servers", "vpcId", vpc))
                .post(GROUPS).then().statusCode(201).extract().path("groupId");
    }

    static String defaultGroupOf(String account, String vpc) {
        List<String> ids = as(account).get(GROUPS).then().statusCode(200).extract()
                .path("findAll { it.vpcId == '" + vpc + "' && it.isDefault }.groupId");
        assertThat(ids).hasSize(1);
        return ids.getFirst();
    }

    static Map<String, Object> tcp(int port, String cidr) {
        return Map.of("ipProtocol", "tcp", "fromPort", port, "toPort", port, "cidrIpv4", cidr);
    }

    static Map<String, Object> fromGroup(String protocol, String groupId) {
        return Map.of("ipProtocol", protocol, "referencedGroupId", groupId);
    }

    static Map<String, Object> rules(Object... rules) {
        return Map.of("rules", List.of(rules));
    }

    @Test
    void a_group_an_endpoint_uses_is_not_deleted_until_the_endpoint_lets_it_go() {
        String account = newAccount();
        String vpc = createVpc(account, "10.66.0.0/16");
        String used = createGroup(account, vpc, "used");
        String endpoint = IdFormat.VPC_ENDPOINT.newId();
        KafkaEvents.publish(new VpcEndpointSecurityGroupsChanged(endpoint, List.of(used)), 2, account);
        KafkaEvents.await(Topic.NETWORK, EndpointSecurityGroupsApplied.class, e -> e.vpcEndpointId().equals(endpoint));

        as(account).delete(GROUPS + "/" + used).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("detail", containsString(endpoint));

        KafkaEvents.publish(new VpcEndpointSecurityGroupsChanged(endpoint, List.of(defaultGroupOf(account, vpc))), 3,
                account);
        KafkaEvents.await(Topic.NETWORK, EndpointSecurityGroupsApplied.class, e -> e.vpcEndpointId().equals(endpoint)
                && !e.securityGroupIds().contains(used));
        as(account).delete(GROUPS + "/" + used).then().statusCode(204);
    }

    @Test
    void a_vpc_comes_with_its_default_group_which_goes_with_it() {
        String account = newAccount();
        String vpc = createVpc(account, "10.70.0.0/16");
        String group = defaultGroupOf(account, vpc);

        as(account).get(GROUPS + "/" + group).then().statusCode(200)
                .body("groupName", equalTo("default")).body("description", equalTo("default VPC security group"))
                .body("vpcId", equalTo(vpc)).body("ownerId", equalTo(account)).body("isDefault", equalTo(true))
                .body("ingressRules.ipProtocol", contains("-1")).body("ingressRules.referencedGroupId", contains(group))
                .body("ingressRules[0].fromPort", nullValue()).body("ingressRules[0].egress", equalTo(false))
                .body("ingressRules.securityGroupRuleId", contains(matchesPattern(RULE_ID)))
                .body("egressRules.ipProtocol", contains("-1")).body("egressRules.cidrIpv4", contains("0.0.0.0/0"));
        as(account).delete(GROUPS + "/" + group).then().statusCode(400).body("code", equalTo("CannotDelete"))
                .body("field", equalTo("groupId"));
        as(NetworkApi.OTHER).get(GROUPS + "/" + group).then().statusCode(404)
                .body("code", equalTo("InvalidGroup.NotFound"));

        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(204);

        as(account).get(GROUPS + "/" + group).then().statusCode(404).body("code", equalTo("InvalidGroup.NotFound"));
        as(account).get(GROUPS).then().statusCode(200).body("$", empty());
        assertThat(store.streamLength(group)).isEqualTo(3); // created, its rules, deleted with the VPC
    }

    @Test
    void a_group_is_unique_by_name_in_its_vpc_and_keeps_the_vpc_until_it_is_deleted() {
        String account = newAccount();
        String vpc = createVpc(account, "10.71.0.0/16");
        String otherVpc = createVpc(account, "10.72.0.0/16");
        String web = as(account, "create-web").body(Map.of("groupName", "web", "description", "web servers",
                        "vpcId", vpc, "tags", List.of(Map.of("key", "team", "value", "blue"))))
                .post(GROUPS).then().statusCode(201)
                .body("groupName", equalTo("web")).body("isDefault", equalTo(false))
                .body("ingressRules", empty()).body("egressRules.cidrIpv4", contains("0.0.0.0/0"))
                .body("tags.key", contains("team")).extract().path("groupId");
        as(account, "create-web").body(Map.of("groupName", "web", "description", "web servers", "vpcId", vpc,
                "tags", List.of(Map.of("key", "team", "value", "blue")))).post(GROUPS).then().statusCode(201)
                .body("groupId", equalTo(web));
        String elsewhere = createGroup(account, otherVpc, "web");

        as(account).body(Map.of("groupName", "WEB", "description", "again", "vpcId", vpc)).post(GROUPS).then()
                .statusCode(400).body("code", equalTo("InvalidGroup.Duplicate")).body("field", equalTo("groupName"));
        assertThat(listed(account, GROUPS, "groupId")).hasSize(4).contains(web, elsewhere).isSorted();
        as(account).get(GROUPS + "/" + web).then().statusCode(200).body("tags.value", contains("blue"));
        as(account).get("/v1/tags").then().statusCode(200)
                .body("find { it.resourceId == '" + web + "' }.resourceType", equalTo("security-group"));

        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("detail", containsString(web));
        as(account).delete(GROUPS + "/" + web).then().statusCode(204);
        as(account).delete(GROUPS + "/" + web).then().statusCode(404).body("code", equalTo("InvalidGroup.NotFound"));
        as(account).get(GROUPS + "/" + web).then().statusCode(404);
        String again = createGroup(account, vpc, "Web");
        assertThat(again).isNotEqualTo(web);
        as(account).delete(GROUPS + "/" + again).then().statusCode(204);
        as(account).delete("/v1/vpcs/" + vpc).then().statusCode(204);
        assertThat(listed(account, GROUPS, "groupId")).hasSize(2).contains(elsewhere);
    }

    @Test
    void of_requests_racing_for_one_name_in_a_vpc_one_gets_it() {
        String account = newAccount();
        String vpc = createVpc(account, "10.78.0.0/16");

        List<Integer> statuses = IntStream.range(0, 4).parallel()
                .mapToObj(i -> as(account).body(Map.of("groupName", i % 2 == 0 ? "race" : "RACE", "description", "d",
                        "vpcId", vpc)).post(GROUPS).then().extract().statusCode()).toList();

        assertThat(statuses).containsOnly(201, 400).containsOnlyOnce(201);
        List<String> names = store.ids("SecurityGroupCreated", "groupName", account);
        assertThat(names).hasSize(2).contains("default");
        assertThat(names).filteredOn(name -> name.equalsIgnoreCase("race")).hasSize(1);
    }

    @Test
    void rules_are_added_once_and_taken_away_by_id_or_by_what_they_allow() {
        String account = newAccount();
        String vpc = createVpc(account, "10.73.0.0/16");
        String defaultGroup = defaultGroupOf(account, vpc);
        String web = createGroup(account, vpc, "web");

        List<String> ids = as(account).body(rules(
                        Map.of("ipProtocol", "6", "fromPort", 22, "toPort", 22, "cidrIpv4", "10.0.0.0/8",
                                "description", "ssh from the office"),
                        fromGroup("-1", defaultGroup)))
                .post(GROUPS + "/" + web + "/ingress").then().statusCode(200)
                .body("ipProtocol", contains("tcp", "-1")).body("egress", contains(false, false))
                .body("description", contains("ssh from the office", null))
                .extract().path("securityGroupRuleId");
        assertThat(ids).hasSize(2).allMatch(id -> id.matches(RULE_ID));
        as(account).body(rules(Map.of("ipProtocol", "udp", "fromPort", 53, "toPort", 53, "cidrIpv4", "10.0.0.2/32")))
                .post(GROUPS + "/" + web + "/egress").then().statusCode(200).body("egress", contains(true));
        as(account).get(GROUPS + "/" + web).then().statusCode(200)
                .body("ingressRules.securityGroupRuleId", equalTo(ids))
                .body("egressRules.cidrIpv4", contains("0.0.0.0/0", "10.0.0.2/32"));
        as(account).body(rules(Map.of("ipProtocol", "tcp", "fromPort", 22, "toPort", 22, "cidrIpv4", "10.0.0.0/8",
                        "description", "the same, described otherwise")))
                .post(GROUPS + "/" + web + "/ingress").then().statusCode(400)
                .body("code", equalTo("InvalidPermission.Duplicate")).body("field", equalTo("rules[0]"));

        as(account).delete(GROUPS + "/" + defaultGroup).then().statusCode(400).body("code", equalTo("CannotDelete"));
        String peer = createGroup(account, vpc, "peer");
        Map<String, Object> fromPeer = Map.of("ipProtocol", "tcp", "fromPort", 80, "toPort", 80,
                "referencedGroupId", peer);
        as(account).body(rules(fromPeer)).post(GROUPS + "/" + web + "/ingress").then().statusCode(200);
        as(account).delete(GROUPS + "/" + peer).then().statusCode(400).body("code", equalTo("DependencyViolation"))
                .body("detail", containsString(web));

        as(account).body(Map.of("securityGroupRuleIds", List.of(ids.getFirst())))
                .post(GROUPS + "/" + web + "/ingress/revocations").then().statusCode(200)
                .body("securityGroupRuleId", contains(ids.getFirst()));
        as(account).body(rules(fromGroup("-1", defaultGroup), fromPeer))
                .post(GROUPS + "/" + web + "/ingress/revocations").then().statusCode(200)
                .body("securityGroupRuleId", hasSize(2)).body("[0].securityGroupRuleId", equalTo(ids.get(1)));
        as(account).body(rules(fromGroup("-1", defaultGroup)))
                .post(GROUPS + "/" + web + "/ingress/revocations").then().statusCode(400)
                .body("code", equalTo("InvalidPermission.NotFound")).body("field", equalTo("rules[0]"));
        as(account).get(GROUPS + "/" + web).then().statusCode(200).body("ingressRules", empty());
        as(account).delete(GROUPS + "/" + peer).then().statusCode(204);
    }

    @Test
    void a_group_holds_sixty_rules_each_way() {
        String account = newAccount();
        String vpc = createVpc(account, "10.74.0.0/16");
        String group = createGroup(account, vpc, "busy");
        List<Map<String, Object>> fiftyNine = IntStream.range(0, 59).mapToObj(i -> tcp(1000 + i, "10.0.0.0/8"))
                .toList();

        as(account).body(Map.of("rules", fiftyNine)).post(GROUPS + "/" + group + "/egress").then().statusCode(200);
        as(account).body(Map.of("rules", fiftyNine)).post(GROUPS + "/" + group + "/ingress").then().statusCode(200);

        long before = store.appendedBy(account);
        as(account).body(rules(tcp(80, "10.0.0.0/8"))).post(GROUPS + "/" + group + "/egress").then()
                .statusCode(400).body("code", equalTo("RulesPerSecurityGroupLimitExceeded"))
                .body("field", equalTo("rules"));
        assertThat(store.appendedBy(account)).isEqualTo(before);
        as(account).body(rules(tcp(80, "10.0.0.0/8"))).post(GROUPS + "/" + group + "/ingress").then()
                .statusCode(200);
        as(account).get(GROUPS + "/" + group).then().statusCode(200).body("ingressRules", hasSize(60))
                .body("egressRules", hasSize(60));
    }

    @Test
    void bad_requests_name_the_field_and_append_nothing() {
        String account = newAccount();
        String vpc = createVpc(account, "10.75.0.0/16");
        String otherVpc = createVpc(account, "10.76.0.0/16");
        createSubnet(account, vpc, "10.75.1.0/24", "us-east-1a");
        String web = createGroup(account, vpc, "web");
        String away = createGroup(account, otherVpc, "away");
        String strangers = createGroup(NetworkApi.OTHER, createVpc(NetworkApi.OTHER, "10.77.0.0/16"),
                "theirs-" + account);
        String ruleId = as(account).body(rules(tcp(22, "10.0.0.0/8"))).post(GROUPS + "/" + web + "/ingress").then()
                .statusCode(200).extract().path("[0].securityGroupRuleId");
        String defaultGroup = defaultGroupOf(account, vpc);
        long before = store.appendedBy(account);
        String ingress = GROUPS + "/" + web + "/ingress";
        record Case(String path, Object body, int status, String field, String code) {
        }
        Map<String, Object> create = Map.of("groupName", "new", "description", "d", "vpcId", vpc);
        List<Case> cases = List.of(
                new Case(GROUPS, Map.of("description", "d", "vpcId", vpc), 400, "groupName", "MissingParameter"),
                new Case(GROUPS, with(create, "groupName", "default"), 400, "groupName", "InvalidGroup.Reserved"),
                new Case(GROUPS, with(create, "groupName", "sg-web"), 400, "groupName", "InvalidParameterValue"),
                new Case(GROUPS, with(create, "groupName", "caf\u00e9"), 400, "groupName", "InvalidParameterValue"),
                new Case(GROUPS, with(create, "groupName", "n".repeat(256)), 400, "groupName",
                        "InvalidParameterValue"),
                new Case(GROUPS, with(create, "groupName", "Web"), 400, "groupName", "InvalidGroup.Duplicate"),
                new Case(GROUPS, with(create, "description", ""), 400, "description", "MissingParameter"),
                new Case(GROUPS, with(create, "description", "d".repeat(256)), 400, "description",
                        "InvalidParameterValue"),
                new Case(GROUPS, with(create, "vpcId", "vpc-nope"), 400, "vpcId", "InvalidParameterValue"),
                new Case(GROUPS, with(create, "vpcId", "vpc-00000000000000000"), 400, "vpcId",
                        "InvalidVpcID.NotFound"),
                new Case(GROUPS, with(create, "tags", List.of(Map.of("key", "aws:x", "value", "y"))), 400,
                        "tags[0].key", "InvalidParameterValue"),
                new Case(ingress, Map.of(), 400, "rules", "MissingParameter"),
                new Case(ingress, rules(Map.of("ipProtocol", "gre", "cidrIpv4", "0.0.0.0/0")), 400,
                        "rules[0].ipProtocol", "InvalidParameterValue"),
                new Case(ingress, rules(Map.of("ipProtocol", "tcp", "fromPort", 80, "cidrIpv4", "0.0.0.0/0")), 400,
                        "rules[0].toPort", "MissingParameter"),
                new Case(ingress, rules(tcp(70000, "0.0.0.0/0")), 400, "rules[0].fromPort", "InvalidParameterValue"),
                new Case(ingress, rules(Map.of("ipProtocol", "tcp", "fromPort", 90, "toPort", 80, "cidrIpv4",
                        "0.0.0.0/0")), 400, "rules[0].toPort", "InvalidParameterValue"),
                new Case(ingress, rules(Map.of("ipProtocol", "tcp", "fromPort", "http", "toPort", 80)), 400,
                        "rules[0].fromPort", "InvalidParameterValue"),
                new Case(ingress, rules(tcp(80, "10.0.0.0/33")), 400, "rules[0].cidrIpv4", "InvalidParameterValue"),
                new Case(ingress, rules(Map.of("ipProtocol", "tcp", "fromPort", 80, "toPort", 80)), 400,
                        "rules[0].cidrIpv4", "MissingParameter"),
                new Case(ingress, rules(tcp(80, "0.0.0.0/0"), fromGroup("-1", "sg-nope")), 400,
                        "rules[1].referencedGroupId", "InvalidGroupId.Malformed"),
                new Case(ingress, rules(fromGroup("-1", away)), 400, "rules[0].referencedGroupId",
                        "InvalidGroup.NotFound"),
                new Case(ingress, rules(fromGroup("-1", strangers)), 400, "rules[0].referencedGroupId",
                        "InvalidGroup.NotFound"),
                new Case(ingress, rules(Map.of("ipProtocol", "-1", "cidrIpv4", "0.0.0.0/0", "description",
                        "\u0000")), 400, "rules[0].description", "InvalidParameterValue"),
                new Case(ingress, Map.of("rules", Collections.nCopies(61, tcp(80, "0.0.0.0/0"))), 400, "rules",
                        "InvalidParameterValue"),
                new Case(ingress, rules(tcp(9, "0.0.0.0/0"), tcp(22, "10.0.0.0/8")), 400, "rules[1]",
                        "InvalidPermission.Duplicate"),
                new Case(GROUPS + "/sg-nope/ingress", rules(tcp(80, "0.0.0.0/0")), 400, "groupId",
                        "InvalidGroupId.Malformed"),
                new Case(GROUPS + "/sg-00000000000000000/ingress", rules(tcp(80, "0.0.0.0/0")), 404, "groupId",
                        "InvalidGroup.NotFound"),
                new Case(GROUPS + "/" + strangers + "/ingress", rules(tcp(80, "0.0.0.0/0")), 404, "groupId",
                        "InvalidGroup.NotFound"),
                new Case(ingress + "/revocations", Map.of(), 400, "rules", "MissingParameter"),
                new Case(ingress + "/revocations", Map.of("securityGroupRuleIds", List.of("sgr-x")), 400,
                        "securityGroupRuleIds[0]", "InvalidParameterValue"),
                new Case(ingress + "/revocations", Map.of("securityGroupRuleIds", List.of(ruleId,
                        "sgr-00000000000000000")), 400, "securityGroupRuleIds[1]",
                        "InvalidSecurityGroupRuleId.NotFound"),
                new Case(GROUPS + "/" + web + "/egress/revocations", Map.of("securityGroupRuleIds", List.of(ruleId)),
                        400, "securityGroupRuleIds[0]", "InvalidSecurityGroupRuleId.NotFound"),
                new Case(ingress + "/revocations", rules(tcp(22, "10.0.0.0/16")), 400, "rules[0]",
                        "InvalidPermission.NotFound"));
        for (Case c : cases) {
            as(account).body(c.body()).post(c.path()).then().statusCode(c.status())
                    .contentType("application/problem+json")
                    .body("field", equalTo(c.field())).body("code", equalTo(c.code()));
        }
        as(account).delete(GROUPS + "/" + defaultGroup).then().statusCode(400).body("code", equalTo("CannotDelete"));
        as(account).delete(GROUPS + "/" + strangers).then().statusCode(404).body("field", equalTo("groupId"));
        as(account).delete(GROUPS + "/sg-x").then().statusCode(400).body("code", equalTo("InvalidGroupId.Malformed"));
        as(account).delete("/v1/vpcs/" + otherVpc).then().statusCode(400).body("code", equalTo("DependencyViolation"));
        as(account).get(GROUPS + "/sg-x").then().statusCode(400).body("field", equalTo("groupId"));
        assertThat(store.appendedBy(account)).isEqualTo(before);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}

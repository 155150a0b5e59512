package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesAuthorized;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesRevoked;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.network.domain.SecurityGroup.Command;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static dev.privet.network.domain.NetworkDomainTest.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("a security group")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecurityGroupTest {
    static final String OWNER = "111122223333";
    static final String VPC = "vpc-0123456789abcdef0";
    static final String GROUP = "sg-0123456789abcdef0";
    static final String PEER = "sg-0123456789abcdef1";
    static final SecurityGroupCreated CREATED = new SecurityGroupCreated(GROUP, "web", "web servers", VPC, OWNER,
            false);
    static final SecurityGroupCreated DEFAULT = new SecurityGroupCreated(GROUP, "default",
            "default VPC security group", VPC, OWNER, true);
    static final SecurityGroupRule EGRESS_ALL = new SecurityGroupRule("sgr-00000000000000001", true, "-1", null, null,
            "0.0.0.0/0", null, null);
    static final SecurityGroupRulesAuthorized STARTED = new SecurityGroupRulesAuthorized(GROUP, List.of(EGRESS_ALL));

    static SecurityGroupRule ingress(String id, String protocol, Integer from, Integer to, String cidr) {
        return new SecurityGroupRule(id, false, protocol, from, to, cidr, null, null);
    }

    static SecurityGroupRule https(String id) {
        return ingress(id, "tcp", 443, 443, "10.0.0.0/8");
    }

    static void rejected(Runnable decision, Rejection.Kind kind, ErrorCode code, String field) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(Rejection.class, r -> {
            assertThat(r.kind()).isEqualTo(kind);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.field()).isEqualTo(field);
        });
    }

    @Nested
    @DisplayName("is created")
    class Creation {
        @Test
        void with_aws_egress_rule_to_anywhere_and_no_inbound_rule() {
            var group = (SecurityGroup.Group) given(SecurityGroup.DECIDER)
                    .when(new Command.Create(CREATED, EGRESS_ALL.securityGroupRuleId(), "sgr-unused"))
                    .then(CREATED, STARTED);

            assertThat(group.rules(true)).containsExactly(EGRESS_ALL);
            assertThat(group.rules(false)).isEmpty();
        }

        @Test
        void as_a_vpc_default_group_with_all_traffic_from_itself_allowed_in() {
            var fromItself = new SecurityGroupRule("sgr-00000000000000002", false, "-1", null, null, null, GROUP,
                    null);

            var group = (SecurityGroup.Group) given(SecurityGroup.DECIDER)
                    .when(new Command.Create(DEFAULT, EGRESS_ALL.securityGroupRuleId(), "sgr-00000000000000002"))
                    .then(DEFAULT, new SecurityGroupRulesAuthorized(GROUP, List.of(fromItself, EGRESS_ALL)));

            assertThat(group.rules(false)).containsExactly(fromItself);
        }

        @Test
        void and_is_seen_only_by_its_owner() {
            var group = given(SecurityGroup.DECIDER, CREATED, STARTED).state();

            assertThat(group.ownedBy(OWNER, GROUP, "groupId").group()).isEqualTo(CREATED);
            rejected(() -> group.ownedBy("444455556666", GROUP, "groupId"), Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_GROUP_NOT_FOUND, "groupId");
        }
    }

    @Nested
    @DisplayName("takes rules")
    class Authorization {
        @Test
        void each_once_whatever_their_ids_and_descriptions() {
            var described = new SecurityGroupRule("sgr-00000000000000009", false, "tcp", 443, 443, "10.0.0.0/8",
                    null, "again, described");

            given(SecurityGroup.DECIDER, CREATED, STARTED).when(new Command.Authorize(List.of(https("sgr-a")), "rules"))
                    .then(new SecurityGroupRulesAuthorized(GROUP, List.of(https("sgr-a"))));
            given(SecurityGroup.DECIDER, CREATED, STARTED, new SecurityGroupRulesAuthorized(GROUP,
                    List.of(https("sgr-a")))).when(new Command.Authorize(List.of(described), "rules"))
                    .thenRejected(ErrorCode.INVALID_PERMISSION_DUPLICATE, "rules[0]");
        }

        @Test
        void not_twice_in_one_request() {
            given(SecurityGroup.DECIDER, CREATED, STARTED)
                    .when(new Command.Authorize(List.of(https("sgr-a"), ingress("sgr-b", "udp", 53, 53, "0.0.0.0/0"),
                            https("sgr-c")), "rules"))
                    .thenRejected(ErrorCode.INVALID_PERMISSION_DUPLICATE, "rules[2]");
        }

        @Test
        void that_differ_only_in_direction() {
            var outbound = new SecurityGroupRule("sgr-b", true, "tcp", 443, 443, "10.0.0.0/8", null, null);

            given(SecurityGroup.DECIDER, CREATED, STARTED).when(new Command.Authorize(List.of(https("sgr-a"), outbound),
                    "rules")).then(new SecurityGroupRulesAuthorized(GROUP, List.of(https("sgr-a"), outbound)));
        }

        @Test
        void up_to_sixty_in_each_direction() {
            List<SecurityGroupRule> sixty = IntStream.range(0, 60)
                    .mapToObj(i -> ingress("sgr-" + i, "tcp", 1000 + i, 1000 + i, "10.0.0.0/8")).toList();
            var full = given(SecurityGroup.DECIDER, CREATED, STARTED, new SecurityGroupRulesAuthorized(GROUP, sixty));

            full.when(new Command.Authorize(List.of(https("sgr-x")), "rules"))
                    .thenRejected(ErrorCode.RULES_PER_SECURITY_GROUP_LIMIT_EXCEEDED, "rules");
            var outbound = new SecurityGroupRule("sgr-y", true, "tcp", 443, 443, "10.0.0.0/8", null, null);
            full.when(new Command.Authorize(List.of(outbound), "rules"))
                    .then(new SecurityGroupRulesAuthorized(GROUP, List.of(outbound)));
        }
    }

    @Nested
    @DisplayName("gives up rules")
    class Revocation {
        final SecurityGroupRulesAuthorized withHttps = new SecurityGroupRulesAuthorized(GROUP,
                List.of(https("sgr-a"), ingress("sgr-b", "icmp", -1, -1, "0.0.0.0/0")));

        @Test
        void by_id_or_by_what_they_allow_each_once() {
            var group = (SecurityGroup.Group) given(SecurityGroup.DECIDER, CREATED, STARTED, withHttps)
                    .when(new Command.Revoke(false, List.of("sgr-a"), List.of(https(null))))
                    .then(new SecurityGroupRulesRevoked(GROUP, List.of(https("sgr-a"))));

            assertThat(group.rules(false)).extracting(SecurityGroupRule::securityGroupRuleId).containsExactly("sgr-b");
            assertThat(group.rules(true)).containsExactly(EGRESS_ALL);
        }

        @Test
        void only_of_the_direction_named() {
            var history = given(SecurityGroup.DECIDER, CREATED, STARTED, withHttps);

            history.when(new Command.Revoke(true, List.of("sgr-a"), List.of()))
                    .thenRejected(ErrorCode.INVALID_SECURITY_GROUP_RULE_ID_NOT_FOUND, "securityGroupRuleIds[0]");
            history.when(new Command.Revoke(false, List.of(), List.of(https(null), ingress(null, "tcp", 22, 22,
                    "0.0.0.0/0")))).thenRejected(ErrorCode.INVALID_PERMISSION_NOT_FOUND, "rules[1]");
            history.when(new Command.Revoke(true, List.of(EGRESS_ALL.securityGroupRuleId()), List.of()))
                    .then(new SecurityGroupRulesRevoked(GROUP, List.of(EGRESS_ALL)));
        }
    }

    @Nested
    @DisplayName("is deleted")
    class Deletion {
        @Test
        void when_no_other_group_refers_to_it_and_no_endpoint_uses_it() {
            var history = given(SecurityGroup.DECIDER, CREATED, STARTED);

            history.when(new Command.Delete(false, List.of(PEER), List.of()))
                    .thenRejected(ErrorCode.DEPENDENCY_VIOLATION, "groupId");
            history.when(new Command.Delete(false, List.of(), List.of("vpce-1")))
                    .thenRejected(ErrorCode.DEPENDENCY_VIOLATION, "groupId");
            var deleted = history.when(new Command.Delete(false, List.of(), List.of()))
                    .then(new SecurityGroupDeleted(GROUP, VPC, OWNER));
            assertThat(SecurityGroup.DECIDER.isTerminal(deleted)).isTrue();
            rejected(() -> deleted.ownedBy(OWNER, GROUP, "groupId"), Rejection.Kind.NOT_FOUND,
                    ErrorCode.INVALID_GROUP_NOT_FOUND, "groupId");
        }

        @Test
        void only_with_its_vpc_when_it_is_the_default_group() {
            var history = given(SecurityGroup.DECIDER, DEFAULT, STARTED);

            history.when(new Command.Delete(false, List.of(), List.of())).thenRejected(ErrorCode.CANNOT_DELETE, "groupId");
            history.when(new Command.Delete(true, List.of(), List.of())).then(new SecurityGroupDeleted(GROUP, VPC, OWNER));
        }
    }

    @Nested
    @DisplayName("rules are checked as aws checks them")
    class RuleChecks {
        SecurityGroupRule rule(String protocol, Integer from, Integer to, String cidr, String group) {
            return SecurityGroupRules.rule(false, protocol, from, to, cidr, group, null, "rules[0]");
        }

        void refused(Runnable rule, ErrorCode code, String field) {
            rejected(rule, Rejection.Kind.INVALID, code, field);
        }

        @Test
        void protocols_by_name_or_number_all_without_ports() {
            assertThat(rule("TCP", 22, 22, "0.0.0.0/0", null).ipProtocol()).isEqualTo("tcp");
            assertThat(rule("17", 53, 53, "0.0.0.0/0", null).ipProtocol()).isEqualTo("udp");
            assertThat(rule("1", 8, 0, "0.0.0.0/0", null).ipProtocol()).isEqualTo("icmp");
            assertThat(rule("-1", 1, 2, null, PEER)).isEqualTo(new SecurityGroupRule(null, false, "-1", null, null,
                    null, PEER, null));
            refused(() -> rule("gre", 0, 0, "0.0.0.0/0", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].ipProtocol");
            refused(() -> rule(null, 0, 0, "0.0.0.0/0", null), ErrorCode.MISSING_PARAMETER, "rules[0].ipProtocol");
        }

        @Test
        void ports_from_0_to_65535_in_order_and_icmp_types_and_codes() {
            assertThat(rule("tcp", 0, 65535, "0.0.0.0/0", null).toPort()).isEqualTo(65535);
            refused(() -> rule("tcp", null, 80, "0.0.0.0/0", null), ErrorCode.MISSING_PARAMETER,
                    "rules[0].fromPort");
            refused(() -> rule("udp", 53, null, "0.0.0.0/0", null), ErrorCode.MISSING_PARAMETER, "rules[0].toPort");
            refused(() -> rule("tcp", -1, 80, "0.0.0.0/0", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].fromPort");
            refused(() -> rule("tcp", 80, 65536, "0.0.0.0/0", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].toPort");
            refused(() -> rule("tcp", 81, 80, "0.0.0.0/0", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].toPort");
            assertThat(rule("icmp", -1, -1, "0.0.0.0/0", null).fromPort()).isEqualTo(-1);
            refused(() -> rule("icmp", -1, 3, "0.0.0.0/0", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].toPort");
            refused(() -> rule("icmp", 256, 0, "0.0.0.0/0", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].fromPort");
        }

        @Test
        void one_peer_a_canonical_block_or_a_group() {
            refused(() -> rule("tcp", 22, 22, null, null), ErrorCode.MISSING_PARAMETER, "rules[0].cidrIpv4");
            refused(() -> rule("tcp", 22, 22, "0.0.0.0/0", PEER), ErrorCode.INVALID_PARAMETER_VALUE, "rules[0]");
            refused(() -> rule("tcp", 22, 22, "10.0.0.1/8", null), ErrorCode.INVALID_PARAMETER_VALUE,
                    "rules[0].cidrIpv4");
            refused(() -> rule("tcp", 22, 22, null, "sg-nope"), ErrorCode.INVALID_GROUP_ID_MALFORMED,
                    "rules[0].referencedGroupId");
        }

        @Test
        void names_and_descriptions_in_aws_characters_default_reserved() {
            assertThat(SecurityGroupRules.groupName("web servers (prod) #1", "groupName"))
                    .isEqualTo("web servers (prod) #1");
            refused(() -> SecurityGroupRules.groupName("Default", "groupName"), ErrorCode.INVALID_GROUP_RESERVED,
                    "groupName");
            refused(() -> SecurityGroupRules.groupName("sg-web", "groupName"), ErrorCode.INVALID_PARAMETER_VALUE,
                    "groupName");
            refused(() -> SecurityGroupRules.groupName("web\u00e9", "groupName"), ErrorCode.INVALID_PARAMETER_VALUE,
                    "groupName");
            refused(() -> SecurityGroupRules.groupName(" ", "groupName"), ErrorCode.MISSING_PARAMETER, "groupName");
            refused(() -> SecurityGroupRules.text(String.join("", Collections.nCopies(256, "d")), "description",
                    true), ErrorCode.INVALID_PARAMETER_VALUE, "description");
            assertThat(SecurityGroupRules.text(null, "rules[0].description", false)).isNull();
        }
    }
}

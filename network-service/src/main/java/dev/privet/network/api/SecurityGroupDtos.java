package dev.privet.network.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.network.domain.SecurityGroup;
import dev.privet.network.projection.SecurityGroupRow;

import java.util.List;

/** The JSON shapes of the security group API. */
public final class SecurityGroupDtos {
    private SecurityGroupDtos() {
    }

    public record CreateSecurityGroup(String groupName, String description, String vpcId,
                                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
    }

    /**
     * A rule as a request gives it: a protocol ({@code tcp}, {@code udp}, {@code icmp}, {@code -1}, or 6, 17, 1),
     * its ports (none for {@code -1}), and one peer, an IPv4 block or a security group of the VPC.
     */
    public record RuleRequest(String ipProtocol, Integer fromPort, Integer toPort, String cidrIpv4,
                              String referencedGroupId, String description) {
    }

    public record AuthorizeRules(List<RuleRequest> rules) {
    }

    /** Rules to revoke: by id, by what they allow, or both. */
    public record RevokeRules(List<String> securityGroupRuleIds, List<RuleRequest> rules) {
    }

    /** A group with its rules of each direction, each rule with its id. */
    public record SecurityGroupView(String groupId, String groupName, String description, String vpcId,
                                    String ownerId, boolean isDefault, List<SecurityGroupRule> ingressRules,
                                    List<SecurityGroupRule> egressRules, List<Tag> tags) {
        static SecurityGroupView of(SecurityGroupRow row, List<Tag> tags) {
            return new SecurityGroupView(row.groupId, row.groupName, row.description, row.vpcId, row.ownerId,
                    row.isDefault, row.rules(false), row.rules(true), tags);
        }

        static SecurityGroupView of(SecurityGroup.Group group, List<Tag> tags) {
            var g = group.group();
            return new SecurityGroupView(g.groupId(), g.groupName(), g.description(), g.vpcId(), g.ownerId(),
                    g.isDefault(), group.rules(false), group.rules(true), tags);
        }
    }
}

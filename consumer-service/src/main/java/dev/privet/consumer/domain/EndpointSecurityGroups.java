package dev.privet.consumer.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

import java.util.List;
import java.util.Map;

/**
 * What the security groups of an Interface endpoint must be, at creation and when they change: the caller's, in the
 * endpoint's VPC; with none named at creation, the VPC's default group, as in AWS. Each check names the request's
 * field at fault.
 */
final class EndpointSecurityGroups {
    private EndpointSecurityGroups() {
    }

    /**
     * The groups a new Interface endpoint gets: those asked for, each checked, or the VPC's default group. A VPC whose
     * default group the view has not seen is refused as not found, so the view is caught up and the request decided
     * again (DESIGN rule 10); one that has none after that is refused for good.
     */
    static List<String> atCreation(List<String> asked, Map<String, SecurityGroup> known, Vpc vpc) {
        if (asked.isEmpty()) {
            return List.of(vpc.defaultSecurityGroupId().orElseThrow(() -> Rejection.invalid(
                    ErrorCode.INVALID_GROUP_NOT_FOUND, "securityGroupIds", "The VPC '" + vpc.vpcId()
                            + "' has no default security group; name the endpoint's security groups")));
        }
        for (int i = 0; i < asked.size(); i++) {
            check(asked.get(i), "securityGroupIds[" + i + "]", known, vpc.ownerId(), vpc.vpcId());
        }
        return asked;
    }

    /** Checks the group named at {@code field}: the network view has it, {@code ownerId} owns it, it is in the VPC. */
    static void check(String groupId, String field, Map<String, SecurityGroup> known, String ownerId, String vpcId) {
        SecurityGroup group = known.get(groupId);
        if (group == null || !group.ownerId().equals(ownerId)) {
            throw Rejection.invalid(ErrorCode.INVALID_GROUP_NOT_FOUND, field,
                    "The security group '" + groupId + "' does not exist");
        }
        if (!group.vpcId().equals(vpcId)) {
            throw Rejection.invalid(ErrorCode.INVALID_GROUP_NOT_FOUND, field,
                    "The security group '" + groupId + "' does not exist in VPC '" + vpcId + "'");
        }
    }
}

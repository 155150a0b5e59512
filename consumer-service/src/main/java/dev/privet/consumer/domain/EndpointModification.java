package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.ModifyEndpoint;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointPolicyChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of ModifyVpcEndpoint, all or nothing: a rule broken anywhere refuses the whole request.
 *
 * <ul>
 *   <li>Security groups and the policy change on any endpoint not being deleted, at once.</li>
 *   <li>Subnets change only on an available endpoint: its interfaces must exist to be changed, and one change at a
 *   time keeps the network's and the names' steps in order. A removed subnet must be one of the endpoint's, an added
 *   one must not be; the result keeps at least one subnet and one per availability zone.</li>
 *   <li>A removed security group must be one of the endpoint's, an added one must not be, and an endpoint has at
 *   most {@value #MAX_SECURITY_GROUPS}.</li>
 * </ul>
 * Only what changes is recorded: a policy set to the one in force, or a reset of the default, decides nothing.
 */
final class EndpointModification {
    /** AWS: up to 5 security groups per interface by default, 16 at most. */
    static final int MAX_SECURITY_GROUPS = 16;

    private EndpointModification() {
    }

    static List<ConsumerEvent> decide(ModifyEndpoint change, VpcEndpoint endpoint) {
        if (endpoint.state().isBeingRemoved()) {
            throw incorrectState(endpoint, "it can no longer be changed");
        }
        List<ConsumerEvent> events = new ArrayList<>();
        if (!change.securityGroups().isEmpty()) {
            events.add(new VpcEndpointSecurityGroupsChanged(endpoint.vpcEndpointId(),
                    securityGroups(change.securityGroups(), endpoint)));
        }
        String policy = switch (change.policy()) {
            case PolicyChange.Keep keep -> endpoint.access().policyDocument();
            case PolicyChange.Replace replace -> replace.document();
            case PolicyChange.Reset reset -> null;
        };
        if (!Objects.equals(policy, endpoint.access().policyDocument())) {
            events.add(new VpcEndpointPolicyChanged(endpoint.vpcEndpointId(), policy));
        }
        if (!change.subnets().isEmpty()) {
            events.add(subnets(change, endpoint));
        }
        return events;
    }

    private static List<String> securityGroups(Changes change, VpcEndpoint endpoint) {
        Set<String> groups = new LinkedHashSet<>(endpoint.access().securityGroupIds());
        for (int i = 0; i < change.remove().size(); i++) {
            String groupId = change.remove().get(i);
            if (!groups.remove(groupId)) {
                throw Rejection.invalidValue("removeSecurityGroupIds[" + i + "]", "The security group '" + groupId
                        + "' is not a security group of " + endpoint.vpcEndpointId());
            }
        }
        for (int i = 0; i < change.add().size(); i++) {
            String groupId = change.add().get(i);
            if (endpoint.access().securityGroupIds().contains(groupId) || !groups.add(groupId)) {
                throw Rejection.invalidValue("addSecurityGroupIds[" + i + "]", change.remove().contains(groupId)
                        ? "The security group '" + groupId + "' is both added and removed"
                        : "The security group '" + groupId + "' is a security group of " + endpoint.vpcEndpointId()
                        + " already");
            }
        }
        if (groups.size() > MAX_SECURITY_GROUPS) {
            throw Rejection.invalidValue("addSecurityGroupIds", "An endpoint has at most " + MAX_SECURITY_GROUPS
                    + " security groups; this change would give it " + groups.size());
        }
        return List.copyOf(groups);
    }

    private static VpcEndpointSubnetsChanged subnets(ModifyEndpoint change, VpcEndpoint endpoint) {
        if (endpoint.state() != EndpointState.AVAILABLE) {
            throw incorrectState(endpoint, "its subnets can be changed once it is available");
        }
        Changes asked = change.subnets();
        Set<String> subnets = new LinkedHashSet<>(endpoint.subnetIds());
        for (int i = 0; i < asked.remove().size(); i++) {
            String subnetId = asked.remove().get(i);
            if (!subnets.remove(subnetId)) {
                throw Rejection.invalidValue("removeSubnetIds[" + i + "]", "The subnet ID '" + subnetId
                        + "' is not a subnet of " + endpoint.vpcEndpointId());
            }
        }
        if (subnets.isEmpty() && asked.add().isEmpty()) {
            throw Rejection.invalidValue("removeSubnetIds", "An interface endpoint keeps at least one subnet; "
                    + "delete the endpoint instead");
        }
        Map<String, String> subnetByZone = new HashMap<>();
        subnets.stream().map(change.knownSubnets()::get).filter(Objects::nonNull)
                .forEach(kept -> subnetByZone.put(kept.availabilityZone(), kept.subnetId()));
        List<String> added = new ArrayList<>();
        for (int i = 0; i < asked.add().size(); i++) {
            String subnetId = asked.add().get(i);
            String field = "addSubnetIds[" + i + "]";
            if (endpoint.subnetIds().contains(subnetId)) {
                throw Rejection.invalidValue(field, asked.remove().contains(subnetId)
                        ? "The subnet ID '" + subnetId + "' is both added and removed"
                        : "The subnet ID '" + subnetId + "' is a subnet of " + endpoint.vpcEndpointId() + " already");
            }
            Subnet subnet = EndpointSubnets.checked(subnetId, field, change.knownSubnets(), endpoint.ownerId(),
                    endpoint.vpcId());
            EndpointSubnets.claimZone(subnetByZone, subnet, field);
            subnets.add(subnetId);
            added.add(subnetId);
        }
        return new VpcEndpointSubnetsChanged(endpoint.vpcEndpointId(), endpoint.serviceId(), endpoint.vpcId(),
                List.copyOf(subnets), added, asked.remove());
    }

    private static Rejection incorrectState(VpcEndpoint endpoint, String why) {
        return Rejection.invalid(ErrorCode.INCORRECT_STATE, "vpcEndpointId", "The VPC endpoint "
                + endpoint.vpcEndpointId() + " is " + endpoint.state().wireName() + "; " + why);
    }
}

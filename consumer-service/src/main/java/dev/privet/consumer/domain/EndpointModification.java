package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.ModifyEndpoint;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointPolicyChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTablesChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of ModifyVpcEndpoint, all or nothing: a rule broken anywhere refuses the whole request.
 *
 * <ul>
 *   <li>Security groups and the policy change on any endpoint not being deleted, at once.</li>
 *   <li>Subnets (an Interface endpoint's) and route tables (a Gateway endpoint's) change only on an available
 *   endpoint: what they built must exist to be changed, and one change at a time keeps the network's and the names'
 *   steps in order. A removed id must be one of the endpoint's, an added one must not be. An Interface endpoint
 *   keeps at least one subnet and one per availability zone; a Gateway endpoint may keep no route table.</li>
 *   <li>A Gateway endpoint has neither subnets nor security groups, an Interface endpoint no route tables: a change
 *   of the other type's is refused.</li>
 *   <li>A removed security group must be one of the endpoint's, an added one must not be and must be the owner's, in
 *   the endpoint's VPC; an Interface endpoint keeps at least one and has at most {@value #MAX_SECURITY_GROUPS}.</li>
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
        if (endpoint.isGateway()) {
            notOfType(change.subnets(), "SubnetIds", "subnets", endpoint);
            notOfType(change.securityGroups(), "SecurityGroupIds", "security groups", endpoint);
        } else {
            notOfType(change.routeTables(), "RouteTableIds", "route tables", endpoint);
        }
        List<ConsumerEvent> events = new ArrayList<>();
        if (!change.securityGroups().isEmpty()) {
            events.add(new VpcEndpointSecurityGroupsChanged(endpoint.vpcEndpointId(),
                    securityGroups(change, endpoint)));
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
        if (!change.routeTables().isEmpty()) {
            events.add(routeTables(change, endpoint));
        }
        return events;
    }

    private static List<String> securityGroups(ModifyEndpoint modify, VpcEndpoint endpoint) {
        Changes change = modify.securityGroups();
        List<String> groups = change.appliedTo(endpoint.access().securityGroupIds(), "SecurityGroupIds",
                "security group", endpoint.vpcEndpointId());
        for (int i = 0; i < change.add().size(); i++) {
            EndpointSecurityGroups.check(change.add().get(i), "addSecurityGroupIds[" + i + "]",
                    modify.knownSecurityGroups(), endpoint.ownerId(), endpoint.vpcId());
        }
        if (groups.isEmpty()) { // AWS's words; an endpoint with no group would let no port in
            throw Rejection.invalid(ErrorCode.INVALID_PARAMETER, "removeSecurityGroupIds",
                    "An Interface VPC Endpoint must always have at least one Security Group");
        }
        if (groups.size() > MAX_SECURITY_GROUPS) {
            throw Rejection.invalidValue("addSecurityGroupIds", "An endpoint has at most " + MAX_SECURITY_GROUPS
                    + " security groups; this change would give it " + groups.size());
        }
        return groups;
    }

    private static VpcEndpointSubnetsChanged subnets(ModifyEndpoint change, VpcEndpoint endpoint) {
        requireAvailable(endpoint, "subnets");
        Changes asked = change.subnets();
        List<String> subnets = asked.appliedTo(endpoint.subnetIds(), "SubnetIds", "subnet",
                endpoint.vpcEndpointId());
        if (subnets.isEmpty()) {
            throw Rejection.invalidValue("removeSubnetIds", "An interface endpoint keeps at least one subnet; "
                    + "delete the endpoint instead");
        }
        Map<String, String> subnetByZone = new HashMap<>();
        endpoint.subnetIds().stream().filter(s -> !asked.remove().contains(s)).map(change.knownSubnets()::get)
                .filter(Objects::nonNull).forEach(kept -> subnetByZone.put(kept.availabilityZone(), kept.subnetId()));
        for (int i = 0; i < asked.add().size(); i++) {
            String field = "addSubnetIds[" + i + "]";
            Subnet subnet = EndpointSubnets.checked(asked.add().get(i), field, change.knownSubnets(),
                    endpoint.ownerId(), endpoint.vpcId());
            EndpointSubnets.claimZone(subnetByZone, subnet, field);
        }
        return new VpcEndpointSubnetsChanged(endpoint.vpcEndpointId(), endpoint.serviceId(), endpoint.vpcId(),
                subnets, asked.add(), asked.remove());
    }

    private static VpcEndpointRouteTablesChanged routeTables(ModifyEndpoint change, VpcEndpoint endpoint) {
        requireAvailable(endpoint, "route tables");
        Changes asked = change.routeTables();
        List<String> tables = asked.appliedTo(endpoint.routeTableIds(), "RouteTableIds", "route table",
                endpoint.vpcEndpointId());
        for (int i = 0; i < asked.add().size(); i++) {
            EndpointRouteTables.check(asked.add().get(i), "addRouteTableIds[" + i + "]", change.knownRouteTables(),
                    endpoint.ownerId(), endpoint.vpcId());
        }
        return new VpcEndpointRouteTablesChanged(endpoint.vpcEndpointId(), endpoint.serviceId(), endpoint.ownerId(),
                endpoint.vpcId(), tables, asked.add(), asked.remove());
    }

    private static void requireAvailable(VpcEndpoint endpoint, String what) {
        if (endpoint.state() != EndpointState.AVAILABLE) {
            throw incorrectState(endpoint, "its " + what + " can be changed once it is available");
        }
    }

    /** Refuses a change of ids ({@code field}: "SubnetIds"; {@code what}: "subnets") the endpoint's type has not. */
    private static void notOfType(Changes change, String field, String what, VpcEndpoint endpoint) {
        if (!change.isEmpty()) {
            throw Rejection.invalidValue((change.add().isEmpty() ? "remove" : "add") + field,
                    "An endpoint of type " + endpoint.vpcEndpointType() + " has no " + what);
        }
    }

    private static Rejection incorrectState(VpcEndpoint endpoint, String why) {
        return Rejection.invalid(ErrorCode.INCORRECT_STATE, "vpcEndpointId", "The VPC endpoint "
                + endpoint.vpcEndpointId() + " is " + endpoint.state().wireName() + "; " + why);
    }
}

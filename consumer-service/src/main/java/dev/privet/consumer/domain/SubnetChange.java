package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.ChangeSubnets;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a change of an interface endpoint's subnets (ModifyVpcEndpoint's {@code AddSubnetIds} and
 * {@code RemoveSubnetIds}). Only an available endpoint changes: its interfaces must exist to be changed, and one
 * change at a time keeps the network's and the names' steps in order. A removed subnet must be one of the endpoint's,
 * an added one must not be; the result keeps at least one subnet and one per availability zone.
 */
final class SubnetChange {
    private SubnetChange() {
    }

    static List<ConsumerEvent> decide(ChangeSubnets change, VpcEndpoint endpoint) {
        if (change.add().isEmpty() && change.remove().isEmpty()) {
            return List.of();
        }
        if (endpoint.state() != EndpointState.AVAILABLE) {
            throw Rejection.invalid(ErrorCode.INCORRECT_STATE, "vpcEndpointId", "The VPC endpoint "
                    + endpoint.vpcEndpointId() + " is " + endpoint.state().wireName()
                    + "; its subnets can be changed once it is available");
        }
        Set<String> subnets = new LinkedHashSet<>(endpoint.subnetIds());
        for (int i = 0; i < change.remove().size(); i++) {
            String subnetId = change.remove().get(i);
            if (!subnets.remove(subnetId)) {
                throw Rejection.invalidValue("removeSubnetIds[" + i + "]", "The subnet ID '" + subnetId
                        + "' is not a subnet of " + endpoint.vpcEndpointId());
            }
        }
        if (subnets.isEmpty() && change.add().isEmpty()) {
            throw Rejection.invalidValue("removeSubnetIds", "An interface endpoint keeps at least one subnet; "
                    + "delete the endpoint instead");
        }
        Map<String, String> subnetByZone = new HashMap<>();
        subnets.stream().map(change.knownSubnets()::get).filter(s -> s != null)
                .forEach(kept -> subnetByZone.put(kept.availabilityZone(), kept.subnetId()));
        List<String> added = new ArrayList<>();
        for (int i = 0; i < change.add().size(); i++) {
            String subnetId = change.add().get(i);
            String field = "addSubnetIds[" + i + "]";
            if (endpoint.subnetIds().contains(subnetId)) {
                throw Rejection.invalidValue(field, change.remove().contains(subnetId)
                        ? "The subnet ID '" + subnetId + "' is both added and removed"
                        : "The subnet ID '" + subnetId + "' is a subnet of " + endpoint.vpcEndpointId() + " already");
            }
            Subnet subnet = EndpointSubnets.checked(subnetId, field, change.knownSubnets(), endpoint.ownerId(),
                    endpoint.vpcId());
            EndpointSubnets.claimZone(subnetByZone, subnet, field);
            subnets.add(subnetId);
            added.add(subnetId);
        }
        return List.of(new VpcEndpointSubnetsChanged(endpoint.vpcEndpointId(), endpoint.serviceId(),
                endpoint.vpcId(), List.copyOf(subnets), added, change.remove()));
    }
}

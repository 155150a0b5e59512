package dev.privet.consumer.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

import java.util.Map;

/**
 * What a subnet named for an interface endpoint must be, at creation and when its subnets change: the caller's, in
 * the endpoint's VPC, and the only one of the endpoint in its availability zone. Each check names the request's
 * field at fault.
 */
final class EndpointSubnets {
    private EndpointSubnets() {
    }

    /** The subnet named at {@code field}, when the network view has it, {@code ownerId} owns it and it is in the VPC. */
    static Subnet checked(String subnetId, String field, Map<String, Subnet> known, String ownerId, String vpcId) {
        Subnet subnet = known.get(subnetId);
        if (subnet == null || !subnet.ownerId().equals(ownerId)) {
            throw Rejection.invalid(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, field,
                    "The subnet ID '" + subnetId + "' does not exist");
        }
        if (!subnet.vpcId().equals(vpcId)) {
            throw Rejection.invalidValue(field,
                    "The subnet ID '" + subnetId + "' does not belong to vpc '" + vpcId + "'");
        }
        return subnet;
    }

    /** Records {@code subnet} as the endpoint's one subnet in its zone, refusing a second one there. */
    static void claimZone(Map<String, String> subnetByZone, Subnet subnet, String field) {
        String other = subnetByZone.putIfAbsent(subnet.availabilityZone(), subnet.subnetId());
        if (other != null) {
            throw Rejection.invalid(ErrorCode.DUPLICATE_SUBNETS_IN_SAME_ZONE, field,
                    "Found another VPC endpoint subnet (" + other + ") in the availability zone "
                            + subnet.availabilityZone() + ". VPC endpoint subnets should be in different "
                            + "availability zones supported by the VPC endpoint service.");
        }
    }
}

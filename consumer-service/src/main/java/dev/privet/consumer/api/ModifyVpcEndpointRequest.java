package dev.privet.consumer.api;

import dev.privet.consumer.app.SubnetChangeRequest;
import dev.privet.contracts.errors.Rejection;

import java.util.List;

/**
 * The body of {@code PATCH /v1/vpc-endpoints/{id}}: the subnets to add and to remove. Bounded and well-formed before
 * anything looks at it; whether the change is allowed is decided against the endpoint.
 */
public record ModifyVpcEndpointRequest(List<String> addSubnetIds, List<String> removeSubnetIds) {

    SubnetChangeRequest validated() {
        if ((addSubnetIds == null || addSubnetIds.isEmpty()) && (removeSubnetIds == null || removeSubnetIds.isEmpty())) {
            throw Rejection.missing("addSubnetIds");
        }
        return new SubnetChangeRequest(SubnetIds.checked("addSubnetIds", addSubnetIds),
                SubnetIds.checked("removeSubnetIds", removeSubnetIds));
    }
}

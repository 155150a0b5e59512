package dev.privet.consumer.app;

import java.util.List;

/**
 * A well-formed change of an endpoint's subnets, as the API validated it: each subnet id well-formed and named
 * once. Whether the change is allowed is decided later.
 */
public record SubnetChangeRequest(List<String> addSubnetIds, List<String> removeSubnetIds) {
    public SubnetChangeRequest {
        addSubnetIds = List.copyOf(addSubnetIds);
        removeSubnetIds = List.copyOf(removeSubnetIds);
    }
}

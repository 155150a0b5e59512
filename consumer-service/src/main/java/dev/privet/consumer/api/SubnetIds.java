package dev.privet.consumer.api;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A list of subnet ids in a request: bounded, each well-formed and named once, the field at fault named. */
final class SubnetIds {
    /** AWS: one subnet per availability zone, and no region has more than a handful. */
    static final int MAX_SUBNETS = 16;

    private SubnetIds() {
    }

    /** The ids of {@code field}, none when it is absent. */
    static List<String> checked(String field, List<String> subnetIds) {
        if (subnetIds == null) {
            return List.of();
        }
        if (subnetIds.size() > MAX_SUBNETS) {
            throw CreateVpcEndpointRequest.tooMany(field, subnetIds.size(), MAX_SUBNETS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            String subnetId = subnetIds.get(i);
            String at = field + "[" + i + "]";
            if (subnetId == null || subnetId.length() > CreateVpcEndpointRequest.MAX_ID
                    || !IdFormat.SUBNET.matches(subnetId)) {
                throw Rejection.invalidValue(at, "Invalid subnet id: " + CreateVpcEndpointRequest.shown(subnetId));
            }
            if (!seen.add(subnetId)) {
                throw Rejection.invalidValue(at, "subnet " + subnetId + " is named twice");
            }
        }
        return subnetIds;
    }
}

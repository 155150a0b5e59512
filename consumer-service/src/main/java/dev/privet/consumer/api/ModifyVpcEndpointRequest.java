package dev.privet.consumer.api;

import dev.privet.consumer.app.EndpointChangeRequest;
import dev.privet.consumer.domain.Changes;
import dev.privet.consumer.domain.PolicyChange;
import dev.privet.contracts.errors.Rejection;

import java.util.List;

/**
 * The body of {@code PATCH /v1/vpc-endpoints/{id}} (ModifyVpcEndpoint): subnets, security groups and route tables
 * to add and to remove, a new policy or a reset to the default. Bounded and well-formed before anything looks at it; whether the
 * change is allowed is decided against the endpoint.
 */
public record ModifyVpcEndpointRequest(List<String> addSubnetIds, List<String> removeSubnetIds,
                                       List<String> addSecurityGroupIds, List<String> removeSecurityGroupIds,
                                       String policyDocument, Boolean resetPolicy, List<String> addRouteTableIds,
                                       List<String> removeRouteTableIds) {
    static final ModifyVpcEndpointRequest EMPTY = new ModifyVpcEndpointRequest(null, null, null, null, null, null,
            null, null);

    EndpointChangeRequest validated() {
        var subnets = new Changes(IdList.SUBNETS.checked("addSubnetIds", addSubnetIds),
                IdList.SUBNETS.checked("removeSubnetIds", removeSubnetIds));
        var groups = new Changes(IdList.SECURITY_GROUPS.checked("addSecurityGroupIds", addSecurityGroupIds),
                IdList.SECURITY_GROUPS.checked("removeSecurityGroupIds", removeSecurityGroupIds));
        var routeTables = new Changes(IdList.ROUTE_TABLES.checked("addRouteTableIds", addRouteTableIds),
                IdList.ROUTE_TABLES.checked("removeRouteTableIds", removeRouteTableIds));
        String document = PolicyDocuments.checked("policyDocument", policyDocument);
        boolean reset = Boolean.TRUE.equals(resetPolicy);
        if (reset && document != null) {
            throw Rejection.invalidValue("resetPolicy", "resetPolicy and policyDocument cannot both be given");
        }
        PolicyChange policy = reset ? new PolicyChange.Reset()
                : document != null ? new PolicyChange.Replace(document) : new PolicyChange.Keep();
        if (subnets.isEmpty() && groups.isEmpty() && routeTables.isEmpty() && policy instanceof PolicyChange.Keep) {
            throw Rejection.invalidValue("addSubnetIds", "Nothing to change: name subnets, security groups or route "
                    + "tables to add or remove, a policyDocument, or resetPolicy");
        }
        return new EndpointChangeRequest(subnets, groups, policy, routeTables);
    }
}

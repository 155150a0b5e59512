package dev.privet.consumer.api;

import dev.privet.consumer.app.EndpointRequest;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.ServiceName;
import dev.privet.runtime.ApiException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /v1/vpc-endpoints}, as a client sends it. */
public record CreateVpcEndpointRequest(String serviceName, String vpcId, List<String> subnetIds,
                                       String vpcEndpointType, List<String> securityGroupIds) {
    static final String INTERFACE = "Interface";
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("Gateway", "GatewayLoadBalancer");

    /** Checks the shape of every field, naming the first one at fault; existence is checked later. */
    EndpointRequest validated() {
        String type = vpcEndpointType == null ? INTERFACE : vpcEndpointType;
        if (NOT_YET_SUPPORTED.contains(type)) {
            throw ApiException.invalid("vpcEndpointType", "vpcEndpointType " + type + " is not supported yet");
        }
        if (!INTERFACE.equals(type)) {
            throw ApiException.invalid("vpcEndpointType",
                    "vpcEndpointType must be Interface, Gateway or GatewayLoadBalancer, got '" + type + "'");
        }
        if (serviceName == null || serviceName.isBlank()) {
            throw ApiException.missing("serviceName");
        }
        if (ServiceName.parse(serviceName).isEmpty()) {
            throw new ApiException(400, "InvalidServiceName", "serviceName",
                    "The Vpc Endpoint Service '" + serviceName + "' does not exist");
        }
        if (vpcId == null || vpcId.isBlank()) {
            throw ApiException.missing("vpcId");
        }
        if (!IdFormat.VPC.matches(vpcId)) {
            throw new ApiException(400, "InvalidVpcId.Malformed", "vpcId", "Invalid id: '" + vpcId + "'");
        }
        if (subnetIds == null || subnetIds.isEmpty()) {
            throw ApiException.missing("subnetIds");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            String subnetId = subnetIds.get(i);
            String field = "subnetIds[" + i + "]";
            if (!IdFormat.SUBNET.matches(subnetId)) {
                throw ApiException.invalid(field, "Invalid subnet id: '" + subnetId + "'");
            }
            if (!seen.add(subnetId)) {
                throw ApiException.invalid(field, "subnet " + subnetId + " is named twice");
            }
        }
        return new EndpointRequest(type, serviceName, vpcId, subnetIds);
    }
}

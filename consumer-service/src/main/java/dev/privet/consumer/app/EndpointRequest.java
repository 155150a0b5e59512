package dev.privet.consumer.app;

import java.util.List;

/** A well-formed request for a new VPC endpoint, as the API validated it; whether it is allowed is decided later. */
public record EndpointRequest(String vpcEndpointType, String serviceName, String vpcId, List<String> subnetIds) {
    public EndpointRequest {
        subnetIds = List.copyOf(subnetIds);
    }
}

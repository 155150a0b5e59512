package dev.privet.provider.domain;

import java.util.List;

/** A consumer's VPC endpoint connected (or asking to connect) to an endpoint service. */
public record EndpointConnection(String vpcEndpointId, String endpointOwnerId, String vpcId, List<String> subnetIds,
                                 ConnectionState state) {

    public EndpointConnection {
        subnetIds = List.copyOf(subnetIds);
    }

    EndpointConnection in(ConnectionState newState) {
        return new EndpointConnection(vpcEndpointId, endpointOwnerId, vpcId, subnetIds, newState);
    }
}

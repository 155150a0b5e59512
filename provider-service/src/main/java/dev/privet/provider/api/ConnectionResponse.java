package dev.privet.provider.api;

import dev.privet.provider.projection.EndpointConnectionRow;

/** An endpoint's connection to a service, as the provider lists it. */
public record ConnectionResponse(String vpcEndpointId, String vpcEndpointOwner, String vpcEndpointState) {

    static ConnectionResponse of(EndpointConnectionRow row) {
        return new ConnectionResponse(row.vpcEndpointId, row.vpcEndpointOwner, row.vpcEndpointState);
    }
}

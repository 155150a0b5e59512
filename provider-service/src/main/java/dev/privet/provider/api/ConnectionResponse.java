package dev.privet.provider.api;

import dev.privet.provider.projection.EndpointConnectionRow;
import dev.privet.provider.projection.EndpointServiceRow;

import java.util.List;

/**
 * An endpoint's connection to a service, as the provider lists it: whose endpoint, in what state, since when, and the
 * service's load balancers its traffic reaches.
 */
public record ConnectionResponse(String serviceId, String vpcEndpointId, String vpcEndpointOwner,
                                 String vpcEndpointState, String creationTimestamp,
                                 List<String> networkLoadBalancerArns) {

    static ConnectionResponse of(EndpointConnectionRow row, EndpointServiceRow service) {
        return new ConnectionResponse(row.serviceId, row.vpcEndpointId, row.vpcEndpointOwner, row.vpcEndpointState,
                row.createdAt.toString(), List.copyOf(service.networkLoadBalancerArns));
    }
}

package dev.privet.consumer.api;

import dev.privet.consumer.domain.EndpointServiceOffer;

/** An endpoint service the caller may connect to, as the catalog lists it. */
public record EndpointServiceResponse(String serviceName, String serviceId, String owner, String serviceState,
                                      boolean acceptanceRequired) {

    static EndpointServiceResponse of(EndpointServiceOffer s) {
        return new EndpointServiceResponse(s.serviceName(), s.serviceId(), s.ownerId(), s.serviceState(),
                s.acceptanceRequired());
    }
}

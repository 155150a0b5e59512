package dev.privet.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.provider.domain.EndpointService;
import dev.privet.provider.projection.EndpointServiceRow;

import dev.privet.contracts.events.Values.Tag;

import java.util.List;

/** An endpoint service as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointServiceResponse(String serviceId, String serviceName, String serviceState, String failureReason,
                                      boolean acceptanceRequired, List<String> networkLoadBalancerArns, String ownerId,
                                      String serviceType, List<Tag> tags) {
    private static final String INTERFACE = "Interface";

    static EndpointServiceResponse of(EndpointService s, List<Tag> tags) {
        return new EndpointServiceResponse(s.serviceId(), s.serviceName(), s.state().name(), s.failureReason(),
                s.acceptanceRequired(), s.networkLoadBalancerArns(), s.ownerId(), INTERFACE, tags);
    }

    static EndpointServiceResponse of(EndpointServiceRow s, List<Tag> tags) {
        return new EndpointServiceResponse(s.serviceId, s.serviceName, s.serviceState, s.failureReason,
                s.acceptanceRequired, List.copyOf(s.networkLoadBalancerArns), s.ownerId, INTERFACE, tags);
    }
}

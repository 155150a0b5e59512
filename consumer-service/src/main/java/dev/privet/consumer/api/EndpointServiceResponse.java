package dev.privet.consumer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.consumer.domain.ServiceDetail;
import dev.privet.contracts.events.Values.Tag;

import java.util.List;

/**
 * A service the caller may connect to, as the catalog details it: AWS's {@code ServiceDetail} in camelCase, with one
 * {@code serviceType} per entry (AWS's list of one) and its {@code serviceState}, which AWS does not show. A service
 * without a private DNS name has neither it nor its verification state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointServiceResponse(String serviceName, String serviceId, String serviceType, String serviceRegion,
                                      String owner, String serviceState, List<String> availabilityZones,
                                      List<String> baseEndpointDnsNames, String privateDnsName,
                                      String privateDnsNameVerificationState, boolean vpcEndpointPolicySupported,
                                      boolean acceptanceRequired, boolean managesVpcEndpoints,
                                      String payerResponsibility, List<String> supportedIpAddressTypes,
                                      List<Tag> tags) {

    static EndpointServiceResponse of(ServiceDetail s) {
        return new EndpointServiceResponse(s.serviceName(), s.serviceId(), s.serviceType(), s.serviceRegion(),
                s.owner(), s.serviceState(), s.availabilityZones(), s.baseEndpointDnsNames(),
                s.privateDnsName().orElse(null), s.privateDnsNameVerificationState().orElse(null),
                s.vpcEndpointPolicySupported(), s.acceptanceRequired(), s.managesVpcEndpoints(),
                s.payerResponsibility(), s.supportedIpAddressTypes(), s.tags());
    }
}

package dev.privet.consumer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.contracts.events.Values.DnsEntry;

import dev.privet.consumer.domain.EndpointState;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.runtime.tags.ResourceTagRow;

import java.util.List;

/** A VPC endpoint as the API shows it, with AWS's field names and states. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VpcEndpointResponse(String vpcEndpointId, String vpcEndpointType, String vpcId, String serviceName,
                                  String state, List<String> subnetIds, List<String> networkInterfaceIds,
                                  List<DnsEntry> dnsEntries, String ownerId, String creationTimestamp,
                                  String failureReason, List<Tag> tags, List<String> securityGroupIds,
                                  String policyDocument, List<String> routeTableIds) {

    /** The endpoint with its tags; a deleted one has none (a tag change that raced the deletion left no mark). */
    static VpcEndpointResponse of(VpcEndpoint e, List<Tag> tags) {
        return new VpcEndpointResponse(e.vpcEndpointId(), e.vpcEndpointType(), e.vpcId(), e.serviceName(),
                e.state().wireName(), e.subnetIds(), e.networkInterfaceIds(), e.dnsEntries(), e.ownerId(),
                e.creationTime().toString(), e.failureReason(), e.state() == EndpointState.DELETED ? List.of() : tags,
                e.access().securityGroupIds(), e.access().policyInForce(), e.routeTableIds());
    }

    static VpcEndpointResponse of(VpcEndpoint e) {
        return of(e, ResourceTagRow.of(e.vpcEndpointId()));
    }
}

package dev.privet.consumer.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.contracts.events.Values.Tag;

import java.util.List;

/**
 * A well-formed request for a new VPC endpoint, as the API validated it (defaults applied); whether it is allowed is
 * decided later. It is also what an {@code Idempotency-Key} is checked against: a retry must ask for the same.
 * No {@code tags}, no {@code policyDocument} (null: the default policy) and no {@code routeTableIds} (an Interface
 * endpoint's) are left out of that check, as requests made before endpoints took them were.
 */
public record EndpointRequest(String vpcEndpointType, String serviceName, String vpcId, List<String> subnetIds,
                              List<String> securityGroupIds,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String policyDocument,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> routeTableIds) {
    public EndpointRequest {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        tags = List.copyOf(tags);
        routeTableIds = List.copyOf(routeTableIds);
    }
}

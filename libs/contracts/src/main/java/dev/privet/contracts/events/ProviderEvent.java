package dev.privet.contracts.events;

import java.util.List;

/** Events of provider-service: endpoint services, their allowed principals and their endpoint connections. */
public sealed interface ProviderEvent extends IntegrationEvent {

    String serviceId();

    default String streamId() {
        return serviceId();
    }

    default String streamType() {
        return "endpoint-service";
    }

    record EndpointServiceCreated(String serviceId, String serviceName, String ownerId, String region,
                                  List<String> networkLoadBalancerArns, boolean acceptanceRequired)
            implements ProviderEvent {
    }

    record EndpointServiceAvailable(String serviceId) implements ProviderEvent {
    }

    record EndpointServiceFailed(String serviceId, String reason) implements ProviderEvent {
    }

    record AllowedPrincipalsAdded(String serviceId, List<String> principals) implements ProviderEvent {
    }

    record AllowedPrincipalsRemoved(String serviceId, List<String> principals) implements ProviderEvent {
    }

    /**
     * The owner changed whether new connections wait for its acceptance. Endpoints already waiting keep waiting, and
     * accepted ones stay accepted, as in AWS.
     */
    record AcceptanceRequirementChanged(String serviceId, boolean acceptanceRequired) implements ProviderEvent {
    }

    /** An endpoint asked to connect and waits for the provider's acceptance. */
    record EndpointConnectionRequested(String serviceId, String vpcEndpointId, String endpointOwnerId, String vpcId,
                                       List<String> subnetIds) implements ProviderEvent {
    }

    /** The provider accepted the endpoint; carries what network-service needs to build its interfaces. */
    record EndpointConnectionAccepted(String serviceId, String vpcEndpointId, String endpointOwnerId, String vpcId,
                                      List<String> subnetIds, List<String> networkLoadBalancerArns)
            implements ProviderEvent {
    }

    /**
     * The provider refused the endpoint: the service is not available, the endpoint's owner is not an allowed
     * principal (checked here too: consumer-service's catalog may lag a removal), or the service's owner rejected
     * it, while it waited for acceptance or after accepting it; {@code reason} is then the owner's, or says who
     * rejected it.
     */
    record EndpointConnectionRejected(String serviceId, String vpcEndpointId, String endpointOwnerId, String reason)
            implements ProviderEvent {
    }

    record EndpointConnectionDeleted(String serviceId, String vpcEndpointId) implements ProviderEvent {
    }

    /** The tags of an endpoint service changed. */
    record EndpointServiceTagsChanged(String serviceId, String ownerId, List<Values.Tag> tags)
            implements ProviderEvent, TagsChanged {
        public String resourceId() { return serviceId; }
        public String streamId() { return TagsChanged.streamOf(serviceId); }
        public String streamType() { return "tags"; }
    }

    /**
     * The owner deleted the service; nothing follows but the refusals of endpoints that ask for it afterwards.
     * Carries its owner and load balancers, which network-service releases, so no reader needs the creation again.
     */
    record EndpointServiceDeleted(String serviceId, String ownerId, List<String> networkLoadBalancerArns)
            implements ProviderEvent {
    }
}

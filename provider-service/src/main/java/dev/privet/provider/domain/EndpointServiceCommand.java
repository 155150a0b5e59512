package dev.privet.provider.domain;

import java.util.List;

/** What can be asked of an endpoint service: by its owner through the API, or by other services' events. */
public sealed interface EndpointServiceCommand {

    record CreateEndpointService(String serviceId, String serviceName, String ownerId, String region,
                                 List<String> networkLoadBalancerArns, boolean acceptanceRequired)
            implements EndpointServiceCommand {
    }

    /** network-service confirmed the load balancers. */
    record ConfirmLoadBalancers() implements EndpointServiceCommand {
    }

    /** network-service refused the load balancers. */
    record RefuseLoadBalancers(String reason) implements EndpointServiceCommand {
    }

    record ModifyPermissions(String callerId, List<String> add, List<String> remove) implements EndpointServiceCommand {
    }

    /** The owner deletes the service; endpoints still connected or waiting for acceptance prevent it. */
    record DeleteService(String callerId) implements EndpointServiceCommand {
    }

    /** The owner changes whether new connections wait for its acceptance. */
    record ChangeAcceptance(String callerId, boolean acceptanceRequired) implements EndpointServiceCommand {
    }

    /** The owner accepts endpoints that wait for acceptance; the others named change nothing. */
    record AcceptConnections(String callerId, List<String> vpcEndpointIds) implements EndpointServiceCommand {
        public AcceptConnections {
            vpcEndpointIds = List.copyOf(vpcEndpointIds);
        }
    }

    /**
     * The owner rejects endpoints that wait for acceptance or are accepted; the others named change nothing.
     * {@code reason}, when given, is shown to the endpoint's owner.
     */
    record RejectConnections(String callerId, List<String> vpcEndpointIds, String reason)
            implements EndpointServiceCommand {
        public RejectConnections {
            vpcEndpointIds = List.copyOf(vpcEndpointIds);
        }
    }

    /** A consumer created an endpoint on this service. */
    record RequestConnection(String vpcEndpointId, String endpointOwnerId, String requesterArn, String vpcId,
                             List<String> subnetIds)
            implements EndpointServiceCommand {
    }

    /** A consumer is deleting its endpoint. */
    record DeleteConnection(String vpcEndpointId) implements EndpointServiceCommand {
    }
}

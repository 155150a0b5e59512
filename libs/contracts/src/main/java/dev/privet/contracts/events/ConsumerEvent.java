package dev.privet.contracts.events;

import dev.privet.contracts.events.Values.DnsEntry;

import java.util.List;

/** Events of consumer-service: VPC endpoints. */
public sealed interface ConsumerEvent extends IntegrationEvent {

    String vpcEndpointId();

    default String streamId() {
        return vpcEndpointId();
    }

    default String streamType() {
        return "vpc-endpoint";
    }

    /**
     * A consumer asked for an endpoint; {@code state} is {@code pendingAcceptance} or {@code pending}.
     * {@code requesterArn} is the IAM principal of the owner's account that asked, which the service's allowed
     * principals must admit; events recorded before it was (null here) were asked by the owner's root.
     * {@code routeTableIds} are a Gateway endpoint's, where its routes go (an Interface endpoint has subnets
     * instead; events recorded before Gateway endpoints have none, read as empty).
     */
    record VpcEndpointRequested(String vpcEndpointId, String ownerId, String vpcEndpointType, String serviceId,
                                String serviceName, String vpcId, List<String> subnetIds, String state,
                                String requesterArn, List<String> routeTableIds) implements ConsumerEvent {
        public static final String INTERFACE = "Interface";
        public static final String GATEWAY = "Gateway";

        @Override
        public List<String> routeTableIds() {
            return routeTableIds == null ? List.of() : routeTableIds;
        }

        @com.fasterxml.jackson.annotation.JsonIgnore // a derived fact, not a field of the event
        public boolean isGateway() {
            return GATEWAY.equals(vpcEndpointType);
        }
    }

    /** The provider accepted the connection; the endpoint waits for its network and DNS. */
    /**
     * The provider holds the endpoint for its acceptance, though the consumer's catalog said none was needed: the
     * provider turned acceptance on before the catalog heard of it. The provider decides.
     */
    record VpcEndpointAwaitsAcceptance(String vpcEndpointId) implements ConsumerEvent {
    }

    record VpcEndpointAccepted(String vpcEndpointId) implements ConsumerEvent {
    }

    record VpcEndpointAvailable(String vpcEndpointId, List<String> networkInterfaceIds, List<DnsEntry> dnsEntries)
            implements ConsumerEvent {
    }

    record VpcEndpointFailed(String vpcEndpointId, String reason) implements ConsumerEvent {
    }

    /**
     * The provider refused the connection, or rejected it later: whatever was built for the endpoint, its names and
     * interfaces, is taken down ({@link VpcEndpointReleased} reports it). {@code serviceId} is null in events
     * recorded before rejections took anything down.
     */
    record VpcEndpointRejected(String vpcEndpointId, String reason, String serviceId) implements ConsumerEvent {
    }

    /** A rejected endpoint's names and interfaces are gone: deleting it has nothing left to wait for. */
    record VpcEndpointReleased(String vpcEndpointId) implements ConsumerEvent {
    }

    /**
     * The endpoint's security groups are these: at creation when the request named some, and after each change.
     * Recorded and shown; the data plane does not filter by them yet.
     */
    record VpcEndpointSecurityGroupsChanged(String vpcEndpointId, List<String> securityGroupIds)
            implements ConsumerEvent {
    }

    /**
     * The endpoint's policy is {@code policyDocument}, or the default one (full access) when null: at creation when
     * the request gave one, and after each change or reset.
     */
    record VpcEndpointPolicyChanged(String vpcEndpointId, String policyDocument) implements ConsumerEvent {
    }

    /**
     * The owner changed an available endpoint's subnets: {@code subnetIds} is the whole new set, {@code added} and
     * {@code removed} the difference. The endpoint is {@code pending} until its names resolve to the new interfaces
     * ({@code EndpointDnsPublished} again), or back to {@code available} with its old subnets when the network
     * could not build them ({@link VpcEndpointModificationFailed}).
     */
    record VpcEndpointSubnetsChanged(String vpcEndpointId, String serviceId, String vpcId, List<String> subnetIds,
                                     List<String> added, List<String> removed) implements ConsumerEvent {
    }

    /**
     * The owner changed an available Gateway endpoint's route tables: {@code routeTableIds} is the whole new set,
     * {@code added} and {@code removed} the difference. The endpoint is {@code pending} until network-service has
     * put its routes in the added tables and taken them out of the removed ones ({@code EndpointRoutesModified}).
     */
    record VpcEndpointRouteTablesChanged(String vpcEndpointId, String serviceId, String ownerId, String vpcId,
                                         List<String> routeTableIds, List<String> added, List<String> removed)
            implements ConsumerEvent {
    }

    /**
     * A Gateway endpoint's route table was deleted, its route with it (network-service's
     * {@code EndpointRouteTableDeleted}): the endpoint no longer lists it. Its state does not change.
     */
    record VpcEndpointRouteTableRemoved(String vpcEndpointId, String routeTableId) implements ConsumerEvent {
    }

    /**
     * A change of subnets or route tables could not be made: the endpoint is {@code available} again on
     * {@code subnetIds} or {@code routeTableIds}, the ones it kept, and shows {@code reason} as its last error.
     * Events recorded before Gateway endpoints have no {@code routeTableIds}, read as none.
     */
    record VpcEndpointModificationFailed(String vpcEndpointId, String reason, List<String> subnetIds,
                                         List<String> routeTableIds) implements ConsumerEvent {
        @Override
        public List<String> routeTableIds() {
            return routeTableIds == null ? List.of() : routeTableIds;
        }
    }

    record VpcEndpointDeletionRequested(String vpcEndpointId, String serviceId) implements ConsumerEvent {
    }

    record VpcEndpointDeleted(String vpcEndpointId) implements ConsumerEvent {
    }

    /** The tags of a VPC endpoint changed. */
    record VpcEndpointTagsChanged(String vpcEndpointId, String ownerId, List<Values.Tag> tags)
            implements ConsumerEvent, TagsChanged {
        public String resourceId() { return vpcEndpointId; }
        public String streamId() { return TagsChanged.streamOf(vpcEndpointId); }
        public String streamType() { return "tags"; }
    }
}

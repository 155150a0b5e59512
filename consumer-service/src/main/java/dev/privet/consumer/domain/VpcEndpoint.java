package dev.privet.consumer.domain;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.Values.DnsEntry;

import java.time.Instant;
import java.util.List;

/**
 * A VPC endpoint as its events tell it: what it connects to (service, VPC, subnets), where it is in its lifecycle,
 * and once available its network interfaces and DNS names; who may use it ({@link AccessControls}).
 * {@code failureReason} is set only when the endpoint
 * failed or was rejected, or when the last change of its subnets failed (AWS's {@code LastError}); {@code released}
 * once a rejected endpoint's names and interfaces are gone.
 */
public record VpcEndpoint(String vpcEndpointId, String ownerId, String vpcEndpointType, String serviceId,
                          String serviceName, String vpcId, List<String> subnetIds, EndpointState state,
                          List<String> networkInterfaceIds, List<DnsEntry> dnsEntries, String failureReason,
                          Instant creationTime, boolean released, AccessControls access)
        implements VpcEndpointState {

    public VpcEndpoint {
        subnetIds = List.copyOf(subnetIds);
        networkInterfaceIds = List.copyOf(networkInterfaceIds);
        dnsEntries = List.copyOf(dnsEntries);
    }

    /** The endpoint a request created, at the time it was recorded. */
    static VpcEndpoint requested(VpcEndpointRequested e, Instant recordedAt) {
        return new VpcEndpoint(e.vpcEndpointId(), e.ownerId(), e.vpcEndpointType(), e.serviceId(), e.serviceName(),
                e.vpcId(), e.subnetIds(), EndpointState.fromWire(e.state()), List.of(), List.of(), null, recordedAt,
                false, AccessControls.DEFAULT);
    }

    VpcEndpoint available(List<String> interfaces, List<DnsEntry> names) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                EndpointState.AVAILABLE, interfaces, names, null, creationTime, released, access);
    }

    VpcEndpoint endedAs(EndpointState next, String reason) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                next, networkInterfaceIds, dnsEntries, reason, creationTime, released, access);
    }

    VpcEndpoint in(EndpointState next) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                next, networkInterfaceIds, dnsEntries, failureReason, creationTime, released, access);
    }

    /** Its names and interfaces are gone, and it stays in its state (rejected). */
    VpcEndpoint releasedInPlace() {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                state, List.of(), List.of(), failureReason, creationTime, true, access);
    }

    /** The same endpoint, used under {@code next}. */
    VpcEndpoint withAccess(AccessControls next) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                state, networkInterfaceIds, dnsEntries, failureReason, creationTime, released, next);
    }

    /** Its subnets are changing: pending until its names point at the new interfaces. */
    VpcEndpoint changingTo(List<String> subnets) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnets,
                EndpointState.PENDING, networkInterfaceIds, dnsEntries, null, creationTime, released, access);
    }

    /** A change of its subnets failed: available again, on the subnets it kept. */
    VpcEndpoint unchanged(List<String> subnets, String reason) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnets,
                EndpointState.AVAILABLE, networkInterfaceIds, dnsEntries, reason, creationTime, released, access);
    }

    /** Whether it was ever available: only an endpoint never built waits for the provider's acceptance. */
    boolean wasBuilt() {
        return !networkInterfaceIds.isEmpty();
    }

    boolean isOwnedBy(String accountId) {
        return ownerId.equals(accountId);
    }
}

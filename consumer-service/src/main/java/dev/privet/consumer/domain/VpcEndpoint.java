package dev.privet.consumer.domain;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.Values.DnsEntry;

import java.time.Instant;
import java.util.List;

/**
 * A VPC endpoint as its events tell it: what it connects to (service, VPC, and subnets for an Interface endpoint or
 * route tables for a Gateway one), where it is in its lifecycle,
 * and once available its network interfaces and DNS names; who may use it ({@link AccessControls}).
 * {@code failureReason} is set only when the endpoint
 * failed or was rejected, or when the last change of its subnets failed (AWS's {@code LastError}); {@code released}
 * once a rejected endpoint's names and interfaces are gone.
 */
public record VpcEndpoint(String vpcEndpointId, String ownerId, String vpcEndpointType, String serviceId,
                          String serviceName, String vpcId, List<String> subnetIds, List<String> routeTableIds,
                          EndpointState state,
                          List<String> networkInterfaceIds, List<DnsEntry> dnsEntries, String failureReason,
                          Instant creationTime, boolean released, AccessControls access)
        implements VpcEndpointState {

    public VpcEndpoint {
        subnetIds = List.copyOf(subnetIds);
        routeTableIds = List.copyOf(routeTableIds);
        networkInterfaceIds = List.copyOf(networkInterfaceIds);
        dnsEntries = List.copyOf(dnsEntries);
    }

    /** The endpoint a request created, at the time it was recorded. */
    static VpcEndpoint requested(VpcEndpointRequested e, Instant recordedAt) {
        return new VpcEndpoint(e.vpcEndpointId(), e.ownerId(), e.vpcEndpointType(), e.serviceId(), e.serviceName(),
                e.vpcId(), e.subnetIds(), e.routeTableIds(), EndpointState.fromWire(e.state()), List.of(), List.of(), null, recordedAt,
                false, AccessControls.DEFAULT);
    }

    VpcEndpoint available(List<String> interfaces, List<DnsEntry> names) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds, routeTableIds,
                EndpointState.AVAILABLE, interfaces, names, null, creationTime, released, access);
    }

    VpcEndpoint endedAs(EndpointState next, String reason) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds, routeTableIds,
                next, networkInterfaceIds, dnsEntries, reason, creationTime, released, access);
    }

    VpcEndpoint in(EndpointState next) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds, routeTableIds,
                next, networkInterfaceIds, dnsEntries, failureReason, creationTime, released, access);
    }

    /** Its names and interfaces are gone, and it stays in its state (rejected). */
    VpcEndpoint releasedInPlace() {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds, routeTableIds,
                state, List.of(), List.of(), failureReason, creationTime, true, access);
    }

    /** The same endpoint, used under {@code next}. */
    VpcEndpoint withAccess(AccessControls next) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds, routeTableIds,
                state, networkInterfaceIds, dnsEntries, failureReason, creationTime, released, next);
    }

    /** Its subnets are changing: pending until its names point at the new interfaces. */
    VpcEndpoint changingTo(List<String> subnets) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnets, routeTableIds,
                EndpointState.PENDING, networkInterfaceIds, dnsEntries, null, creationTime, released, access);
    }

    /** Its route tables are changing (a Gateway endpoint): pending until its routes are in them. */
    VpcEndpoint reroutingTo(List<String> routeTables) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                routeTables, EndpointState.PENDING, networkInterfaceIds, dnsEntries, null, creationTime, released,
                access);
    }

    /** One of its route tables was deleted: it no longer lists it, and stays in its state. */
    VpcEndpoint withoutRouteTable(String routeTableId) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                routeTableIds.stream().filter(table -> !table.equals(routeTableId)).toList(), state,
                networkInterfaceIds, dnsEntries, failureReason, creationTime, released, access);
    }

    /** A change of its subnets or route tables failed: available again, on those it kept. */
    VpcEndpoint unchanged(List<String> subnets, List<String> routeTables, String reason) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnets,
                routeTables, EndpointState.AVAILABLE, networkInterfaceIds, dnsEntries, reason, creationTime, released,
                access);
    }

    /**
     * Whether it was ever available: only an endpoint never built waits for the provider's acceptance, and only one
     * built can fail a change. A Gateway endpoint has no interfaces to tell; it counts as built, since neither
     * verdict can come before it is: no provider holds it, and network-service reports a failed change only on
     * routes it has put in place.
     */
    boolean wasBuilt() {
        return !networkInterfaceIds.isEmpty() || isGateway();
    }

    boolean isGateway() {
        return VpcEndpointRequested.GATEWAY.equals(vpcEndpointType);
    }

    boolean isOwnedBy(String accountId) {
        return ownerId.equals(accountId);
    }
}

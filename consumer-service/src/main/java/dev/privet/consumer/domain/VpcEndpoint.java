package dev.privet.consumer.domain;

import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAvailable;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Values.DnsEntry;

import java.time.Instant;
import java.util.List;

/**
 * A VPC endpoint as its events tell it: what it connects to (service, VPC, subnets), where it is in its lifecycle,
 * and once available its network interfaces and DNS names.
 */
public record VpcEndpoint(String vpcEndpointId, String ownerId, String vpcEndpointType, String serviceId,
                          String serviceName, String vpcId, List<String> subnetIds, EndpointState state,
                          List<String> networkInterfaceIds, List<DnsEntry> dnsEntries, String failureReason,
                          Instant creationTime) {

    public VpcEndpoint {
        subnetIds = List.copyOf(subnetIds);
        networkInterfaceIds = List.copyOf(networkInterfaceIds);
        dnsEntries = List.copyOf(dnsEntries);
    }

    /** The endpoint folded from its stream; null when the stream is empty (no such endpoint). */
    public static VpcEndpoint from(List<EventEnvelope> history) {
        VpcEndpoint endpoint = null;
        for (EventEnvelope envelope : history) {
            endpoint = evolve(endpoint, (ConsumerEvent) envelope.event(), envelope.time());
        }
        return endpoint;
    }

    /**
     * The endpoint after {@code event}, recorded at {@code time}; {@code current} is null before the first event.
     */
    public static VpcEndpoint evolve(VpcEndpoint current, ConsumerEvent event, Instant time) {
        if (current == null && !(event instanceof VpcEndpointRequested)) {
            throw new IllegalStateException("the stream of " + event.vpcEndpointId() + " starts with " + event.eventType());
        }
        return switch (event) {
            case VpcEndpointRequested e -> new VpcEndpoint(e.vpcEndpointId(), e.ownerId(), e.vpcEndpointType(),
                    e.serviceId(), e.serviceName(), e.vpcId(), e.subnetIds(), EndpointState.fromWire(e.state()),
                    List.of(), List.of(), null, time);
            case VpcEndpointAccepted e -> current.in(EndpointState.PENDING);
            case VpcEndpointAvailable e -> new VpcEndpoint(current.vpcEndpointId, current.ownerId,
                    current.vpcEndpointType, current.serviceId, current.serviceName, current.vpcId, current.subnetIds,
                    EndpointState.AVAILABLE, e.networkInterfaceIds(), e.dnsEntries(), null, current.creationTime);
            case VpcEndpointFailed e -> current.endedAs(EndpointState.FAILED, e.reason());
            case VpcEndpointRejected e -> current.endedAs(EndpointState.REJECTED, e.reason());
            case VpcEndpointDeletionRequested e -> current.in(EndpointState.DELETING);
            case VpcEndpointDeleted e -> current.in(EndpointState.DELETED);
        };
    }

    private VpcEndpoint endedAs(EndpointState next, String reason) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                next, networkInterfaceIds, dnsEntries, reason, creationTime);
    }

    private VpcEndpoint in(EndpointState next) {
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                next, networkInterfaceIds, dnsEntries, failureReason, creationTime);
    }
}

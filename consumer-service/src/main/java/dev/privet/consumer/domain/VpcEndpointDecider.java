package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.PublishDns;
import dev.privet.consumer.domain.EndpointCommand.RejectConnection;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.consumer.domain.EndpointRejected.Kind;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAvailable;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what happens to a VPC endpoint on a command, from the endpoint's current state (null when it does not
 * exist). Commands from other services' events that do not apply in the current state (late, repeated, or for an
 * endpoint being removed) decide nothing, as DESIGN rule 9 asks; commands from the owner that are not allowed throw
 * {@link EndpointRejected}.
 */
public final class VpcEndpointDecider {
    public static final String INVALID_SERVICE_NAME = "InvalidServiceName";
    public static final String VPC_NOT_FOUND = "InvalidVpcId.NotFound";
    public static final String SUBNET_NOT_FOUND = "InvalidSubnetID.NotFound";
    public static final String ENDPOINT_NOT_FOUND = "InvalidVpcEndpointId.NotFound";

    private VpcEndpointDecider() {
    }

    public static List<ConsumerEvent> decide(EndpointCommand command, VpcEndpoint endpoint) {
        return switch (command) {
            case RequestEndpoint request -> request(request, endpoint);
            case DeleteEndpoint delete -> delete(delete, endpoint);
            case AcceptConnection accept -> endpoint != null && endpoint.state() == EndpointState.PENDING_ACCEPTANCE
                    ? List.of(new VpcEndpointAccepted(endpoint.vpcEndpointId())) : List.of();
            case PublishDns dns -> endpoint != null && endpoint.state().isInProgress()
                    ? List.of(new VpcEndpointAvailable(endpoint.vpcEndpointId(), dns.networkInterfaceIds(),
                    dns.dnsEntries())) : List.of();
            case RejectConnection rejection -> endpoint != null && endpoint.state().isInProgress()
                    ? List.of(new VpcEndpointRejected(endpoint.vpcEndpointId(), rejection.reason())) : List.of();
            case FailNetwork failure -> endpoint != null && endpoint.state().isInProgress()
                    ? List.of(new VpcEndpointFailed(endpoint.vpcEndpointId(), failure.reason())) : List.of();
            case ReleaseNetwork release -> endpoint != null && endpoint.state() == EndpointState.DELETING
                    ? List.of(new VpcEndpointDeleted(endpoint.vpcEndpointId())) : List.of();
        };
    }

    private static List<ConsumerEvent> request(RequestEndpoint request, VpcEndpoint endpoint) {
        if (endpoint != null) {
            throw new IllegalStateException("endpoint " + request.vpcEndpointId() + " already exists");
        }
        // Missing and not allowed read the same, as in AWS: a caller learns nothing of services it may not use.
        EndpointServiceOffer service = request.service()
                .filter(s -> s.isAvailable() && s.admits(request.caller()))
                .orElseThrow(() -> new EndpointRejected(Kind.INVALID, INVALID_SERVICE_NAME, "serviceName",
                        "The Vpc Endpoint Service '" + request.serviceName() + "' does not exist"));
        request.vpc().filter(v -> v.ownerId().equals(request.caller().value()))
                .orElseThrow(() -> new EndpointRejected(Kind.INVALID, VPC_NOT_FOUND, "vpcId",
                        "The vpc ID '" + request.vpcId() + "' does not exist"));
        checkSubnets(request);
        String state = (service.acceptanceRequired() ? EndpointState.PENDING_ACCEPTANCE : EndpointState.PENDING)
                .wireName();
        return List.of(new VpcEndpointRequested(request.vpcEndpointId(), request.caller().value(),
                request.vpcEndpointType(), service.serviceId(), service.serviceName(), request.vpcId(),
                request.subnetIds(), state));
    }

    private static void checkSubnets(RequestEndpoint request) {
        Map<String, String> subnetByZone = new HashMap<>();
        for (int i = 0; i < request.subnetIds().size(); i++) {
            String subnetId = request.subnetIds().get(i);
            String field = "subnetIds[" + i + "]";
            Subnet subnet = request.knownSubnets().get(subnetId);
            if (subnet == null || !subnet.ownerId().equals(request.caller().value())) {
                throw new EndpointRejected(Kind.INVALID, SUBNET_NOT_FOUND, field,
                        "The subnet ID '" + subnetId + "' does not exist");
            }
            if (!subnet.vpcId().equals(request.vpcId())) {
                throw new EndpointRejected(Kind.INVALID, "InvalidParameterValue", field,
                        "The subnet ID '" + subnetId + "' does not belong to vpc '" + request.vpcId() + "'");
            }
            String other = subnetByZone.putIfAbsent(subnet.availabilityZone(), subnetId);
            if (other != null) {
                throw new EndpointRejected(Kind.INVALID, "DuplicateSubnetsInSameZone", field,
                        "Found another VPC endpoint subnet (" + other + ") in the availability zone "
                                + subnet.availabilityZone() + ". VPC endpoint subnets should be in different "
                                + "availability zones supported by the VPC endpoint service.");
            }
        }
    }

    private static List<ConsumerEvent> delete(DeleteEndpoint delete, VpcEndpoint endpoint) {
        if (endpoint == null || !endpoint.ownerId().equals(delete.caller().value())) {
            throw new EndpointRejected(Kind.NOT_FOUND, ENDPOINT_NOT_FOUND, "vpcEndpointId",
                    "The Vpc Endpoint Id '" + delete.vpcEndpointId() + "' does not exist");
        }
        if (endpoint.state().isBeingRemoved()) {
            return List.of(); // deleting twice is not an error, and asks nothing new of the other services
        }
        return List.of(new VpcEndpointDeletionRequested(endpoint.vpcEndpointId(), endpoint.serviceId()));
    }
}

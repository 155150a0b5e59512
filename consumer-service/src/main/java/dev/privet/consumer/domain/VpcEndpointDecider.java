package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.AwaitAcceptance;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.PublishDns;
import dev.privet.consumer.domain.EndpointCommand.RejectConnection;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.consumer.domain.VpcEndpointState.NotRequested;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointTagsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAccepted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAvailable;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointAwaitsAcceptance;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeleted;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointReleased;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rules of a VPC endpoint's stream. Commands from other services' events that do not apply in the current state
 * (late, repeated, for an endpoint being removed, or for one this service does not have) decide nothing, as DESIGN
 * rule 9 asks; commands from the owner that are not allowed throw a {@link Rejection}.
 */
public final class VpcEndpointDecider implements Decider<EndpointCommand, VpcEndpointState, ConsumerEvent> {

    @Override
    public VpcEndpointState initialState() {
        return new NotRequested();
    }

    @Override
    public List<ConsumerEvent> decide(EndpointCommand command, VpcEndpointState state) {
        return switch (command) {
            case RequestEndpoint request -> request(request, state);
            case DeleteEndpoint delete -> delete(delete, state);
            // The catalog lagged the provider's turning acceptance on: the endpoint started pending, the provider
            // holds it. A pending endpoint otherwise never hears this (the provider accepted it at once).
            case AwaitAcceptance wait -> react(state, s -> s == EndpointState.PENDING,
                    e -> new VpcEndpointAwaitsAcceptance(e.vpcEndpointId()));
            case AcceptConnection accept -> react(state, s -> s == EndpointState.PENDING_ACCEPTANCE,
                    e -> new VpcEndpointAccepted(e.vpcEndpointId()));
            case PublishDns dns -> react(state, EndpointState::isInProgress,
                    e -> new VpcEndpointAvailable(e.vpcEndpointId(), dns.networkInterfaceIds(), dns.dnsEntries()));
            case RejectConnection rejection -> react(state, EndpointState::isConnectedOrWaiting,
                    e -> new VpcEndpointRejected(e.vpcEndpointId(), rejection.reason(), e.serviceId()));
            case FailNetwork failure -> react(state, EndpointState::isInProgress,
                    e -> new VpcEndpointFailed(e.vpcEndpointId(), failure.reason()));
            case ReleaseNetwork release -> releaseNetwork(state);
        };
    }

    @Override
    public VpcEndpointState evolve(VpcEndpointState state, ConsumerEvent event, Instant recordedAt) {
        return switch (event) {
            case VpcEndpointRequested e -> switch (state) {
                case NotRequested none -> VpcEndpoint.requested(e, recordedAt);
                case VpcEndpoint existing -> throw new IllegalStateException(
                        "the stream of " + e.vpcEndpointId() + " holds a second " + e.eventType());
            };
            case VpcEndpointAwaitsAcceptance e -> existing(state, e).in(EndpointState.PENDING_ACCEPTANCE);
            case VpcEndpointAccepted e -> existing(state, e).in(EndpointState.PENDING);
            case VpcEndpointAvailable e -> existing(state, e).available(e.networkInterfaceIds(), e.dnsEntries());
            case VpcEndpointFailed e -> existing(state, e).endedAs(EndpointState.FAILED, e.reason());
            case VpcEndpointRejected e -> existing(state, e).endedAs(EndpointState.REJECTED, e.reason());
            case VpcEndpointDeletionRequested e -> existing(state, e).in(EndpointState.DELETING);
            case VpcEndpointDeleted e -> existing(state, e).in(EndpointState.DELETED);
            case VpcEndpointReleased e -> existing(state, e).releasedInPlace();
            case VpcEndpointTagsChanged e -> throw new IllegalStateException(
                    "tags are a stream of their own, not of the endpoint: " + e.streamId());
        };
    }

    /** A deleted endpoint is over: {@link #decide} absorbs late events there, and still refuses strangers. */
    @Override
    public boolean isTerminal(VpcEndpointState state) {
        return state instanceof VpcEndpoint endpoint && endpoint.state() == EndpointState.DELETED;
    }

    private static VpcEndpoint existing(VpcEndpointState state, ConsumerEvent event) {
        return switch (state) {
            case VpcEndpoint endpoint -> endpoint;
            case NotRequested none -> throw new IllegalStateException(
                    "the stream of " + event.vpcEndpointId() + " starts with " + event.eventType());
        };
    }

    /** Another service's verdict: one event when it applies in the endpoint's state, else nothing. */
    private static List<ConsumerEvent> react(VpcEndpointState state, Predicate<EndpointState> appliesIn,
                                             Function<VpcEndpoint, ConsumerEvent> then) {
        return switch (state) {
            case NotRequested none -> List.of(); // an endpoint this service does not have
            case VpcEndpoint endpoint -> appliesIn.test(endpoint.state()) ? List.of(then.apply(endpoint)) : List.of();
        };
    }

    private static List<ConsumerEvent> request(RequestEndpoint request, VpcEndpointState state) {
        return switch (state) {
            case NotRequested none -> List.of(requested(request));
            case VpcEndpoint existing -> throw new IllegalStateException(
                    "endpoint " + request.vpcEndpointId() + " already exists"); // ids are new per request
        };
    }

    /**
     * The endpoint's interfaces are gone, and its names before them: a deletion is then complete, and a rejection
     * has taken down what was built, so deleting the endpoint later has nothing to wait for.
     */
    private static List<ConsumerEvent> releaseNetwork(VpcEndpointState state) {
        return switch (state) {
            case VpcEndpoint e when e.state() == EndpointState.DELETING ->
                    List.of(new VpcEndpointDeleted(e.vpcEndpointId()));
            case VpcEndpoint e when e.state() == EndpointState.REJECTED && !e.released() ->
                    List.of(new VpcEndpointReleased(e.vpcEndpointId()));
            case VpcEndpoint other -> List.of(); // late or repeated
            case NotRequested none -> List.of(); // an endpoint this service does not have
        };
    }

    private static VpcEndpointRequested requested(RequestEndpoint request) {
        String caller = request.caller().accountId();
        // Missing and not allowed read the same, as in AWS: a caller learns nothing of services it may not use.
        EndpointServiceOffer service = request.service()
                .filter(s -> s.isAvailable() && s.admits(request.caller()))
                .orElseThrow(() -> Rejection.invalid(ErrorCode.INVALID_SERVICE_NAME, "serviceName",
                        "The Vpc Endpoint Service '" + request.serviceName() + "' does not exist"));
        request.vpc().filter(v -> v.ownerId().equals(caller))
                .orElseThrow(() -> Rejection.invalid(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId",
                        "The vpc ID '" + request.vpcId() + "' does not exist"));
        checkSubnets(request);
        EndpointState state = service.acceptanceRequired() ? EndpointState.PENDING_ACCEPTANCE : EndpointState.PENDING;
        return new VpcEndpointRequested(request.vpcEndpointId(), caller, request.vpcEndpointType(),
                service.serviceId(), service.serviceName(), request.vpcId(), request.subnetIds(), state.wireName(),
                request.caller().principalArn());
    }

    private static void checkSubnets(RequestEndpoint request) {
        Map<String, String> subnetByZone = new HashMap<>();
        for (int i = 0; i < request.subnetIds().size(); i++) {
            String subnetId = request.subnetIds().get(i);
            String field = "subnetIds[" + i + "]";
            Subnet subnet = request.knownSubnets().get(subnetId);
            if (subnet == null || !subnet.ownerId().equals(request.caller().accountId())) {
                throw Rejection.invalid(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, field,
                        "The subnet ID '" + subnetId + "' does not exist");
            }
            if (!subnet.vpcId().equals(request.vpcId())) {
                throw Rejection.invalidValue(field,
                        "The subnet ID '" + subnetId + "' does not belong to vpc '" + request.vpcId() + "'");
            }
            String other = subnetByZone.putIfAbsent(subnet.availabilityZone(), subnetId);
            if (other != null) {
                throw Rejection.invalid(ErrorCode.DUPLICATE_SUBNETS_IN_SAME_ZONE, field,
                        "Found another VPC endpoint subnet (" + other + ") in the availability zone "
                                + subnet.availabilityZone() + ". VPC endpoint subnets should be in different "
                                + "availability zones supported by the VPC endpoint service.");
            }
        }
    }

    private static List<ConsumerEvent> delete(DeleteEndpoint delete, VpcEndpointState state) {
        return switch (state) {
            case VpcEndpoint endpoint when endpoint.isOwnedBy(delete.caller().value()) ->
                    deletion(endpoint);
            case VpcEndpoint otherAccounts -> throw notFound(delete); // another account's reads as missing
            case NotRequested none -> throw notFound(delete);
        };
    }

    /**
     * Deleting twice is not an error, and asks nothing new of the other services. A rejected endpoint whose names
     * and interfaces are gone already is deleted at once; any other waits until they are.
     */
    private static List<ConsumerEvent> deletion(VpcEndpoint endpoint) {
        if (endpoint.state().isBeingRemoved()) {
            return List.of();
        }
        var requested = new VpcEndpointDeletionRequested(endpoint.vpcEndpointId(), endpoint.serviceId());
        return endpoint.released() ? List.of(requested, new VpcEndpointDeleted(endpoint.vpcEndpointId()))
                : List.of(requested);
    }

    private static Rejection notFound(DeleteEndpoint delete) {
        return Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId",
                "The Vpc Endpoint Id '" + delete.vpcEndpointId() + "' does not exist");
    }
}

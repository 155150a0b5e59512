package dev.privet.consumer.domain;

import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.AwaitAcceptance;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.FailModification;
import dev.privet.consumer.domain.EndpointCommand.DropRouteTable;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.ModifyEndpoint;
import dev.privet.consumer.domain.EndpointCommand.ProvideRoutes;
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
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointModificationFailed;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointPolicyChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTableRemoved;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTablesChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointReleased;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.ids.AccountId;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
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
            case ModifyEndpoint change -> EndpointModification.decide(change, owned(state, change.vpcEndpointId(),
                    change.caller()));
            // The catalog lagged the provider's turning acceptance on: the endpoint started pending, the provider
            // holds it. A pending endpoint otherwise never hears this (the provider accepted it at once), and one
            // pending for a change of subnets was accepted long ago.
            case AwaitAcceptance wait -> react(state, e -> e.state() == EndpointState.PENDING && !e.wasBuilt(),
                    e -> new VpcEndpointAwaitsAcceptance(e.vpcEndpointId()));
            case AcceptConnection accept -> react(state, e -> e.state() == EndpointState.PENDING_ACCEPTANCE,
                    e -> new VpcEndpointAccepted(e.vpcEndpointId()));
            // The names of a new endpoint, or of one whose subnets changed.
            case PublishDns dns -> react(state, e -> e.state().isInProgress(),
                    e -> new VpcEndpointAvailable(e.vpcEndpointId(), dns.networkInterfaceIds(), dns.dnsEntries()));
            // A Gateway endpoint's routes are in its route tables: it has no interfaces and no names.
            case ProvideRoutes routes -> react(state, e -> e.state().isInProgress(),
                    e -> new VpcEndpointAvailable(e.vpcEndpointId(), List.of(), List.of()));
            case DropRouteTable dropped -> react(state, e -> e.routeTableIds().contains(dropped.routeTableId())
                            && e.state() != EndpointState.DELETED,
                    e -> new VpcEndpointRouteTableRemoved(e.vpcEndpointId(), dropped.routeTableId()));
            case RejectConnection rejection -> react(state, e -> e.state().isConnectedOrWaiting(),
                    e -> new VpcEndpointRejected(e.vpcEndpointId(), rejection.reason(), e.serviceId()));
            case FailNetwork failure -> react(state, e -> e.state().isInProgress(),
                    e -> new VpcEndpointFailed(e.vpcEndpointId(), failure.reason()));
            case FailModification failure -> react(state, e -> e.state() == EndpointState.PENDING && e.wasBuilt(),
                    e -> new VpcEndpointModificationFailed(e.vpcEndpointId(), failure.reason(),
                            failure.subnetIds(), failure.routeTableIds()));
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
            case VpcEndpointSubnetsChanged e -> existing(state, e).changingTo(e.subnetIds());
            case VpcEndpointSecurityGroupsChanged e -> existing(state, e).withAccess(
                    existing(state, e).access().withSecurityGroups(e.securityGroupIds()));
            case VpcEndpointPolicyChanged e -> existing(state, e).withAccess(
                    existing(state, e).access().withPolicy(e.policyDocument()));
            case VpcEndpointRouteTablesChanged e -> existing(state, e).reroutingTo(e.routeTableIds());
            case VpcEndpointRouteTableRemoved e -> existing(state, e).withoutRouteTable(e.routeTableId());
            case VpcEndpointModificationFailed e -> existing(state, e).unchanged(e.subnetIds(), e.routeTableIds(),
                    e.reason());
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
    private static List<ConsumerEvent> react(VpcEndpointState state, Predicate<VpcEndpoint> appliesTo,
                                             Function<VpcEndpoint, ConsumerEvent> then) {
        return switch (state) {
            case NotRequested none -> List.of(); // an endpoint this service does not have
            case VpcEndpoint endpoint -> appliesTo.test(endpoint) ? List.of(then.apply(endpoint)) : List.of();
        };
    }

    private static List<ConsumerEvent> request(RequestEndpoint request, VpcEndpointState state) {
        return switch (state) {
            case NotRequested none -> created(request);
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

    /**
     * The request, then an Interface endpoint's security groups (those given, or the VPC's default), then the policy
     * when one is given.
     */
    private static List<ConsumerEvent> created(RequestEndpoint request) {
        List<ConsumerEvent> events = new ArrayList<>();
        VpcEndpointRequested requested = requested(request);
        events.add(requested);
        if (!requested.isGateway()) {
            events.add(new VpcEndpointSecurityGroupsChanged(request.vpcEndpointId(), EndpointSecurityGroups.atCreation(
                    request.access().securityGroupIds(), request.knownSecurityGroups(), request.vpc().orElseThrow())));
        }
        if (request.access().policyDocument() != null) {
            events.add(new VpcEndpointPolicyChanged(request.vpcEndpointId(), request.access().policyDocument()));
        }
        return events;
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
        if (!service.serviceType().equals(request.vpcEndpointType())) {
            throw Rejection.invalidValue("vpcEndpointType", "The Vpc Endpoint Service '" + request.serviceName()
                    + "' does not support the endpoint type " + request.vpcEndpointType() + "; it is a "
                    + service.serviceType() + " service");
        }
        checkSubnets(request);
        checkRouteTables(request);
        EndpointState state = service.acceptanceRequired() ? EndpointState.PENDING_ACCEPTANCE : EndpointState.PENDING;
        return new VpcEndpointRequested(request.vpcEndpointId(), caller, request.vpcEndpointType(),
                service.serviceId(), service.serviceName(), request.vpcId(), request.subnetIds(), state.wireName(),
                request.caller().principalArn(), request.routeTableIds());
    }

    private static void checkSubnets(RequestEndpoint request) {
        Map<String, String> subnetByZone = new HashMap<>();
        for (int i = 0; i < request.subnetIds().size(); i++) {
            String field = "subnetIds[" + i + "]";
            Subnet subnet = EndpointSubnets.checked(request.subnetIds().get(i), field, request.knownSubnets(),
                    request.caller().accountId(), request.vpcId());
            EndpointSubnets.claimZone(subnetByZone, subnet, field);
        }
    }

    /** A Gateway endpoint's route tables: each one the caller's, in the endpoint's VPC. */
    private static void checkRouteTables(RequestEndpoint request) {
        for (int i = 0; i < request.routeTableIds().size(); i++) {
            EndpointRouteTables.check(request.routeTableIds().get(i), "routeTableIds[" + i + "]",
                    request.knownRouteTables(), request.caller().accountId(), request.vpcId());
        }
    }

    private static List<ConsumerEvent> delete(DeleteEndpoint delete, VpcEndpointState state) {
        return deletion(owned(state, delete.vpcEndpointId(), delete.caller()));
    }

    /** The caller's endpoint; another account's reads as missing, as in AWS. */
    private static VpcEndpoint owned(VpcEndpointState state, String vpcEndpointId, AccountId caller) {
        return switch (state) {
            case VpcEndpoint endpoint when endpoint.isOwnedBy(caller.value()) -> endpoint;
            case VpcEndpoint otherAccounts -> throw notFound(vpcEndpointId);
            case NotRequested none -> throw notFound(vpcEndpointId);
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

    private static Rejection notFound(String vpcEndpointId) {
        return Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId",
                "The Vpc Endpoint Id '" + vpcEndpointId + "' does not exist");
    }
}

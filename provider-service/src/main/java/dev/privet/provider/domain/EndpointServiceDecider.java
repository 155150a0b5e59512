package dev.privet.provider.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ProviderEvent;
import dev.privet.contracts.events.ProviderEvent.AcceptanceRequirementChanged;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceTagsChanged;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.eventstore.Decider;
import dev.privet.provider.domain.EndpointServiceCommand.AcceptConnections;
import dev.privet.provider.domain.EndpointServiceCommand.ChangeAcceptance;
import dev.privet.provider.domain.EndpointServiceCommand.ConfirmLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.CreateEndpointService;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteConnection;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteService;
import dev.privet.provider.domain.EndpointServiceCommand.ModifyPermissions;
import dev.privet.provider.domain.EndpointServiceCommand.RefuseLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.RejectConnections;
import dev.privet.provider.domain.EndpointServiceCommand.RequestConnection;
import dev.privet.provider.domain.EndpointServiceState.NotCreated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules of an endpoint service stream. Commands caused by other services' events that no longer apply (late,
 * repeated, or about a service this store never had) decide nothing; an owner's command that is not allowed is a
 * {@link Rejection}. A Failed service still refuses connections with an event the consumer can act on, and still
 * takes permission changes. Deleted is terminal: every command of the owner is answered as for a service that does
 * not exist, reactions change nothing, except that an endpoint asking for it is still refused with an event, so the
 * consumer's endpoint does not wait for an answer forever.
 */
public final class EndpointServiceDecider
        implements Decider<EndpointServiceCommand, EndpointServiceState, ProviderEvent> {
    /** Principals one service may allow at most: its state, loaded for every command, stays small. */
    public static final int MAX_ALLOWED_PRINCIPALS = 1000;
    static final String SERVICE_ID = "serviceId";
    static final String ADD = "addAllowedPrincipals";

    @Override
    public EndpointServiceState initialState() {
        return new NotCreated();
    }

    @Override
    public List<ProviderEvent> decide(EndpointServiceCommand command, EndpointServiceState state) {
        return switch (state) {
            case NotCreated n -> beforeCreation(command);
            case EndpointService service when service.isDeleted() -> afterDeletion(command, service);
            case EndpointService service -> onService(command, service);
        };
    }

    @Override
    public boolean isTerminal(EndpointServiceState state) {
        return state instanceof EndpointService service && service.isDeleted();
    }

    @Override
    public EndpointServiceState evolve(EndpointServiceState state, ProviderEvent event, Instant recordedAt) {
        return switch (event) {
            case EndpointServiceCreated e -> EndpointService.created(e);
            case EndpointServiceAvailable e -> created(state).in(ServiceState.Available, null);
            case EndpointServiceFailed e -> created(state).in(ServiceState.Failed, e.reason());
            case AcceptanceRequirementChanged e -> created(state).requiringAcceptance(e.acceptanceRequired());
            case AllowedPrincipalsAdded e -> created(state).allowing(e.principals());
            case AllowedPrincipalsRemoved e -> created(state).noLongerAllowing(e.principals());
            case EndpointConnectionRequested e -> created(state).withConnection(new EndpointConnection(
                    e.vpcEndpointId(), e.endpointOwnerId(), e.vpcId(), e.subnetIds(), ConnectionState.PENDING_ACCEPTANCE));
            case EndpointConnectionAccepted e -> created(state).withConnection(new EndpointConnection(
                    e.vpcEndpointId(), e.endpointOwnerId(), e.vpcId(), e.subnetIds(), ConnectionState.ACCEPTED));
            case EndpointConnectionRejected e -> created(state).withConnection(new EndpointConnection(
                    e.vpcEndpointId(), e.endpointOwnerId(), null, List.of(), ConnectionState.REJECTED));
            case EndpointConnectionDeleted e -> {
                EndpointService service = created(state);
                yield service.connection(e.vpcEndpointId())
                        .map(connection -> service.withConnection(connection.in(ConnectionState.DELETED)))
                        .orElse(service);
            }
            case EndpointServiceTagsChanged e -> throw new IllegalStateException(
                    "tags are a stream of their own, not of the service: " + e.streamId());
            case EndpointServiceDeleted e -> created(state).in(ServiceState.Deleted, null);
        };
    }

    private static List<ProviderEvent> beforeCreation(EndpointServiceCommand command) {
        return switch (command) {
            case CreateEndpointService c -> List.of(new EndpointServiceCreated(c.serviceId(), c.serviceName(),
                    c.ownerId(), c.region(), c.networkLoadBalancerArns(), c.acceptanceRequired()));
            case ModifyPermissions c -> throw notFound();
            case DeleteService c -> throw notFound();
            case AcceptConnections c -> throw notFound();
            case RejectConnections c -> throw notFound();
            case ChangeAcceptance c -> throw notFound();
            // Other services' events about a service this store never had: there is no stream to record them on.
            case ConfirmLoadBalancers c -> List.of();
            case RefuseLoadBalancers c -> List.of();
            case RequestConnection c -> List.of();
            case DeleteConnection c -> List.of();
        };
    }

    private static List<ProviderEvent> onService(EndpointServiceCommand command, EndpointService service) {
        return switch (command) {
            case CreateEndpointService c -> throw Rejection.invalidValue(SERVICE_ID,
                    "endpoint service " + c.serviceId() + " already exists");
            case ConfirmLoadBalancers c -> whilePending(service, new EndpointServiceAvailable(service.serviceId()));
            case RefuseLoadBalancers c ->
                    whilePending(service, new EndpointServiceFailed(service.serviceId(), c.reason()));
            case ModifyPermissions c -> modifyPermissions(c, service);
            case DeleteService c -> deleteService(c, service);
            case ChangeAcceptance c -> {
                requireOwner(service, c.callerId());
                yield c.acceptanceRequired() == service.acceptanceRequired() ? List.of()
                        : List.of(new AcceptanceRequirementChanged(service.serviceId(), c.acceptanceRequired()));
            }
            case AcceptConnections c -> acceptConnections(c, service);
            case RejectConnections c -> rejectConnections(c, service);
            case RequestConnection c -> requestConnection(c, service);
            case DeleteConnection c -> service.connection(c.vpcEndpointId())
                    .filter(connection -> connection.state() != ConnectionState.DELETED)
                    .map(connection -> List.<ProviderEvent>of(
                            new EndpointConnectionDeleted(service.serviceId(), c.vpcEndpointId())))
                    .orElse(List.of());
        };
    }

    /**
     * A deleted service exists for no one: its owner's commands are not found, late reactions change nothing. An
     * endpoint that asks for it now (its request was on its way when the service went) is refused, once.
     */
    private static List<ProviderEvent> afterDeletion(EndpointServiceCommand command, EndpointService service) {
        return switch (command) {
            case CreateEndpointService c -> throw Rejection.invalidValue(SERVICE_ID,
                    "endpoint service " + c.serviceId() + " already exists");
            case ModifyPermissions c -> throw notFound();
            case DeleteService c -> throw notFound();
            case AcceptConnections c -> throw notFound();
            case RejectConnections c -> throw notFound();
            case ChangeAcceptance c -> throw notFound();
            case RequestConnection c -> service.connection(c.vpcEndpointId()).isPresent() ? List.of()
                    : List.of(new EndpointConnectionRejected(service.serviceId(), c.vpcEndpointId(),
                    c.endpointOwnerId(), "endpoint service " + service.serviceId() + " was deleted"));
            case ConfirmLoadBalancers c -> List.of();
            case RefuseLoadBalancers c -> List.of();
            case DeleteConnection c -> List.of(); // only rejected or deleted connections are left, and no one reads them
        };
    }

    /**
     * The owner's deletion, refused while an endpoint is connected or waits for acceptance, as AWS refuses it;
     * rejected and deleted connections do not count.
     */
    private static List<ProviderEvent> deleteService(DeleteService c, EndpointService service) {
        requireOwner(service, c.callerId());
        List<EndpointConnection> active = service.activeConnections();
        if (!active.isEmpty()) {
            throw Rejection.conflict(ErrorCode.EXISTING_VPC_ENDPOINT_CONNECTIONS, SERVICE_ID,
                    "Service has existing active VPC Endpoint connections: " + active.size() + " endpoint"
                            + (active.size() == 1 ? " is" : "s are") + " available or pendingAcceptance");
        }
        return List.of(new EndpointServiceDeleted(service.serviceId(), service.ownerId(),
                service.networkLoadBalancerArns()));
    }

    /**
     * The owner's acceptance: each endpoint named that waits for it is accepted, with what network-service needs to
     * build its interfaces. The others (unknown, accepted already, rejected, deleted) change nothing; the caller
     * reads them off the state after ({@link EndpointService#notAccepted}), so a retried acceptance succeeds again.
     */
    private static List<ProviderEvent> acceptConnections(AcceptConnections c, EndpointService service) {
        requireOwner(service, c.callerId());
        return connectionsIn(service, c.vpcEndpointIds(), ConnectionState.PENDING_ACCEPTANCE)
                .<ProviderEvent>map(connection -> new EndpointConnectionAccepted(service.serviceId(),
                        connection.vpcEndpointId(), connection.endpointOwnerId(), connection.vpcId(),
                        connection.subnetIds(), service.networkLoadBalancerArns()))
                .toList();
    }

    /**
     * The owner's rejection, of endpoints waiting for acceptance or accepted already: consumer-service then takes
     * down what was built for them. The others named change nothing ({@link EndpointService#notRejected}).
     */
    private static List<ProviderEvent> rejectConnections(RejectConnections c, EndpointService service) {
        requireOwner(service, c.callerId());
        String reason = c.reason() != null ? c.reason()
                : "the owner of endpoint service " + service.serviceId() + " rejected the connection";
        return connectionsIn(service, c.vpcEndpointIds(), ConnectionState.PENDING_ACCEPTANCE, ConnectionState.ACCEPTED)
                .<ProviderEvent>map(connection -> new EndpointConnectionRejected(service.serviceId(),
                        connection.vpcEndpointId(), connection.endpointOwnerId(), reason))
                .toList();
    }

    /** The service's connections named in {@code ids}, each once, that are in one of {@code states}. */
    private static Stream<EndpointConnection> connectionsIn(EndpointService service, List<String> ids,
                                                      ConnectionState... states) {
        Set<ConnectionState> applies = Set.of(states);
        return ids.stream().distinct().flatMap(id -> service.connection(id).stream())
                .filter(connection -> applies.contains(connection.state()));
    }

    private static void requireOwner(EndpointService service, String callerId) {
        if (!service.ownerId().equals(callerId)) {
            throw notFound(); // another account's service does not exist for the caller
        }
    }

    /** Verification moves a Pending service only: a repeated or late one changes nothing. */
    private static List<ProviderEvent> whilePending(EndpointService service, ProviderEvent event) {
        return service.state() == ServiceState.Pending ? List.of(event) : List.of();
    }

    private static List<ProviderEvent> modifyPermissions(ModifyPermissions c, EndpointService service) {
        requireOwner(service, c.callerId());
        List<String> added = new LinkedHashSet<>(c.add()).stream()
                .filter(p -> !service.allowedPrincipals().contains(p)).toList();
        // Removal is applied after addition: a principal named in both lists ends up not allowed.
        List<String> removed = new LinkedHashSet<>(c.remove()).stream()
                .filter(p -> service.allowedPrincipals().contains(p) || added.contains(p)).toList();
        Set<String> after = new LinkedHashSet<>(service.allowedPrincipals());
        after.addAll(added);
        removed.forEach(after::remove);
        if (after.size() > MAX_ALLOWED_PRINCIPALS) {
            throw Rejection.invalidValue(ADD, "a service allows at most " + MAX_ALLOWED_PRINCIPALS
                    + " principals; this request would make it " + after.size());
        }
        List<ProviderEvent> events = new ArrayList<>();
        if (!added.isEmpty()) {
            events.add(new AllowedPrincipalsAdded(service.serviceId(), added));
        }
        if (!removed.isEmpty()) {
            events.add(new AllowedPrincipalsRemoved(service.serviceId(), removed));
        }
        return events;
    }

    private static List<ProviderEvent> requestConnection(RequestConnection c, EndpointService service) {
        if (service.connection(c.vpcEndpointId()).isPresent()) {
            return List.of(); // a redelivered or repeated request
        }
        if (service.state() != ServiceState.Available) {
            return List.of(new EndpointConnectionRejected(service.serviceId(), c.vpcEndpointId(), c.endpointOwnerId(),
                    "endpoint service " + service.serviceId() + " is " + service.state() + ", not Available"));
        }
        if (!service.admits(c.endpointOwnerId(), c.requesterArn())) {
            return List.of(new EndpointConnectionRejected(service.serviceId(), c.vpcEndpointId(), c.endpointOwnerId(),
                    c.requesterArn() + " is not an allowed principal of " + service.serviceId()));
        }
        if (service.acceptanceRequired()) {
            return List.of(new EndpointConnectionRequested(service.serviceId(), c.vpcEndpointId(),
                    c.endpointOwnerId(), c.vpcId(), c.subnetIds()));
        }
        return List.of(new EndpointConnectionAccepted(service.serviceId(), c.vpcEndpointId(), c.endpointOwnerId(),
                c.vpcId(), c.subnetIds(), service.networkLoadBalancerArns()));
    }

    /** Every event after the first one needs the service the first one created. */
    private static EndpointService created(EndpointServiceState state) {
        return switch (state) {
            case EndpointService service -> service;
            case NotCreated n -> throw new IllegalStateException(
                    "an endpoint service stream must begin with " + EndpointServiceCreated.class.getSimpleName());
        };
    }

    private static Rejection notFound() {
        return Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, SERVICE_ID,
                "no endpoint service with this id");
    }
}

package dev.privet.provider.domain;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.ProviderEvent;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.PrincipalArn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An endpoint service as its events made it: who owns it, its load balancers, whether connections wait for
 * acceptance, who may connect, and the endpoints connected to it.
 */
public record EndpointService(String serviceId, String serviceName, String ownerId, ServiceState state,
                              String failureReason, boolean acceptanceRequired, List<String> networkLoadBalancerArns,
                              Set<String> allowedPrincipals, Map<String, EndpointConnection> connections) {

    public EndpointService {
        networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
        allowedPrincipals = Collections.unmodifiableSet(new LinkedHashSet<>(allowedPrincipals));
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
    }

    /** The service a stream's events describe; empty when the stream has none (the service does not exist). */
    public static Optional<EndpointService> from(List<EventEnvelope> history) {
        EndpointService state = null;
        for (EventEnvelope envelope : history) {
            if (envelope.event() instanceof ProviderEvent event) {
                state = evolve(state, event);
            }
        }
        return Optional.ofNullable(state);
    }

    /** The service after {@code event}; {@code state} is null before the service's first event. */
    public static EndpointService evolve(EndpointService state, ProviderEvent event) {
        return switch (event) {
            case EndpointServiceCreated e -> new EndpointService(e.serviceId(), e.serviceName(), e.ownerId(),
                    ServiceState.Pending, null, e.acceptanceRequired(), e.networkLoadBalancerArns(), Set.of(), Map.of());
            case EndpointServiceAvailable e -> state.with(ServiceState.Available, null);
            case EndpointServiceFailed e -> state.with(ServiceState.Failed, e.reason());
            case AllowedPrincipalsAdded e -> {
                Set<String> principals = new LinkedHashSet<>(state.allowedPrincipals);
                principals.addAll(e.principals());
                yield state.withPrincipals(principals);
            }
            case AllowedPrincipalsRemoved e -> {
                Set<String> principals = new LinkedHashSet<>(state.allowedPrincipals);
                e.principals().forEach(principals::remove);
                yield state.withPrincipals(principals);
            }
            case EndpointConnectionRequested e -> state.withConnection(new EndpointConnection(e.vpcEndpointId(),
                    e.endpointOwnerId(), e.vpcId(), e.subnetIds(), ConnectionState.PENDING_ACCEPTANCE));
            case EndpointConnectionAccepted e -> state.withConnection(new EndpointConnection(e.vpcEndpointId(),
                    e.endpointOwnerId(), e.vpcId(), e.subnetIds(), ConnectionState.ACCEPTED));
            case EndpointConnectionRejected e -> state.withConnection(new EndpointConnection(e.vpcEndpointId(),
                    e.endpointOwnerId(), null, List.of(), ConnectionState.REJECTED));
            case EndpointConnectionDeleted e -> state.connection(e.vpcEndpointId())
                    .map(connection -> state.withConnection(connection.in(ConnectionState.DELETED)))
                    .orElse(state);
        };
    }

    /** Whether an endpoint of {@code account} may connect (see {@link PrincipalArn#admitsAccount}). */
    public boolean admits(String account) {
        return PrincipalArn.admitsAccount(ownerId, allowedPrincipals, new AccountId(account));
    }

    public Optional<EndpointConnection> connection(String vpcEndpointId) {
        return Optional.ofNullable(connections.get(vpcEndpointId));
    }

    private EndpointService with(ServiceState newState, String reason) {
        return new EndpointService(serviceId, serviceName, ownerId, newState, reason, acceptanceRequired,
                networkLoadBalancerArns, allowedPrincipals, connections);
    }

    private EndpointService withPrincipals(Set<String> principals) {
        return new EndpointService(serviceId, serviceName, ownerId, state, failureReason, acceptanceRequired,
                networkLoadBalancerArns, principals, connections);
    }

    private EndpointService withConnection(EndpointConnection connection) {
        Map<String, EndpointConnection> all = new LinkedHashMap<>(connections);
        all.put(connection.vpcEndpointId(), connection);
        return new EndpointService(serviceId, serviceName, ownerId, state, failureReason, acceptanceRequired,
                networkLoadBalancerArns, allowedPrincipals, all);
    }
}

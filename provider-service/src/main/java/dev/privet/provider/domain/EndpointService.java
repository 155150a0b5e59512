package dev.privet.provider.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.ids.PrincipalArn;

import java.util.Collection;
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
                              Set<String> allowedPrincipals, Map<String, EndpointConnection> connections)
        implements EndpointServiceState {

    public EndpointService {
        networkLoadBalancerArns = List.copyOf(networkLoadBalancerArns);
        allowedPrincipals = Collections.unmodifiableSet(new LinkedHashSet<>(allowedPrincipals));
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
    }

    /** A service just created: Pending until network-service has checked its load balancers, no one allowed. */
    static EndpointService created(EndpointServiceCreated e) {
        return new EndpointService(e.serviceId(), e.serviceName(), e.ownerId(), ServiceState.Pending, null,
                e.acceptanceRequired(), e.networkLoadBalancerArns(), Set.of(), Map.of());
    }

    /**
     * Whether an endpoint that {@code requesterArn} of {@code account} asked for may connect (see
     * {@link PrincipalArn#admitsCaller}).
     */
    public boolean admits(String account, String requesterArn) {
        return PrincipalArn.admitsCaller(ownerId, allowedPrincipals, account, requesterArn);
    }

    public Optional<EndpointConnection> connection(String vpcEndpointId) {
        return Optional.ofNullable(connections.get(vpcEndpointId));
    }

    /** The connections that keep the service from being deleted: accepted ones, and those waiting for acceptance. */
    public List<EndpointConnection> activeConnections() {
        return connections.values().stream().filter(c -> c.state() == ConnectionState.ACCEPTED
                || c.state() == ConnectionState.PENDING_ACCEPTANCE).toList();
    }

    /** The endpoints named that are not accepted now, with why: unknown to this service, rejected or deleted. */
    public List<UnsuccessfulConnection> notAccepted(List<String> vpcEndpointIds) {
        return notIn(ConnectionState.ACCEPTED, vpcEndpointIds, "only a pendingAcceptance one can be accepted");
    }

    /** The endpoints named that are not rejected now, with why: unknown to this service, or deleted. */
    public List<UnsuccessfulConnection> notRejected(List<String> vpcEndpointIds) {
        return notIn(ConnectionState.REJECTED, vpcEndpointIds,
                "only a pendingAcceptance or available one can be rejected");
    }

    private List<UnsuccessfulConnection> notIn(ConnectionState wanted, List<String> vpcEndpointIds, String rule) {
        return vpcEndpointIds.stream().distinct().<UnsuccessfulConnection>mapMulti((id, unsuccessful) -> {
            EndpointConnection connection = connections.get(id);
            if (connection == null) {
                unsuccessful.accept(new UnsuccessfulConnection(id, ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND,
                        "The Vpc Endpoint Id '" + id + "' does not exist"));
            } else if (connection.state() != wanted) {
                unsuccessful.accept(new UnsuccessfulConnection(id, ErrorCode.INCORRECT_STATE,
                        "The connection of " + id + " is " + connection.state().wireName() + ": " + rule));
            }
        }).toList();
    }

    public boolean isDeleted() {
        return state == ServiceState.Deleted;
    }

    EndpointService in(ServiceState newState, String reason) {
        return new EndpointService(serviceId, serviceName, ownerId, newState, reason, acceptanceRequired,
                networkLoadBalancerArns, allowedPrincipals, connections);
    }

    EndpointService requiringAcceptance(boolean required) {
        return new EndpointService(serviceId, serviceName, ownerId, state, failureReason, required,
                networkLoadBalancerArns, allowedPrincipals, connections);
    }

    EndpointService allowing(Collection<String> principals) {
        Set<String> all = new LinkedHashSet<>(allowedPrincipals);
        all.addAll(principals);
        return withPrincipals(all);
    }

    EndpointService noLongerAllowing(Collection<String> principals) {
        Set<String> all = new LinkedHashSet<>(allowedPrincipals);
        all.removeAll(principals);
        return withPrincipals(all);
    }

    EndpointService withConnection(EndpointConnection connection) {
        Map<String, EndpointConnection> all = new LinkedHashMap<>(connections);
        all.put(connection.vpcEndpointId(), connection);
        return new EndpointService(serviceId, serviceName, ownerId, state, failureReason, acceptanceRequired,
                networkLoadBalancerArns, allowedPrincipals, all);
    }

    private EndpointService withPrincipals(Set<String> principals) {
        return new EndpointService(serviceId, serviceName, ownerId, state, failureReason, acceptanceRequired,
                networkLoadBalancerArns, principals, connections);
    }
}

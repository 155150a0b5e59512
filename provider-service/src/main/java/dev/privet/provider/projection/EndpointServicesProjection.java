package dev.privet.provider.projection;

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
import dev.privet.eventstore.InlineProjection;
import dev.privet.provider.domain.ConnectionState;
import dev.privet.provider.domain.ServiceState;
import dev.privet.runtime.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The read model of endpoint services, their allowed principals and their connections, written in the transaction
 * that appends the events (an inline projection): a read after a write sees it, lists included, from any replica.
 * A rebuild empties the tables and replays the event store in position order.
 */
@ApplicationScoped
public class EndpointServicesProjection implements InlineProjection {
    public static final String NAME = "endpoint-services";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        if (!(envelope.event() instanceof ProviderEvent event)) {
            return; // the store holds only provider events today; a future stream type is not this model's
        }
        switch (event) {
            case EndpointServiceCreated e -> Sql.update(c, """
                            insert into endpoint_services (service_id, service_name, owner_id, service_state,
                                                           failure_reason, acceptance_required, network_load_balancer_arns)
                            values (?, ?, ?, ?, null, ?, ?)""",
                    e.serviceId(), e.serviceName(), e.ownerId(), ServiceState.Pending.name(), e.acceptanceRequired(),
                    c.createArrayOf("text", e.networkLoadBalancerArns().toArray()));
            case EndpointServiceAvailable e -> serviceState(c, e.serviceId(), ServiceState.Available, null);
            case EndpointServiceFailed e -> serviceState(c, e.serviceId(), ServiceState.Failed, e.reason());
            case AllowedPrincipalsAdded e -> {
                for (String principal : e.principals()) {
                    Sql.update(c, "insert into allowed_principals (service_id, principal) values (?, ?)",
                            e.serviceId(), principal);
                }
            }
            case AllowedPrincipalsRemoved e -> {
                for (String principal : e.principals()) {
                    Sql.update(c, "delete from allowed_principals where service_id = ? and principal = ?",
                            e.serviceId(), principal);
                }
            }
            case EndpointConnectionRequested e ->
                    connection(c, e.serviceId(), e.vpcEndpointId(), e.endpointOwnerId(), ConnectionState.PENDING_ACCEPTANCE);
            case EndpointConnectionAccepted e ->
                    connection(c, e.serviceId(), e.vpcEndpointId(), e.endpointOwnerId(), ConnectionState.ACCEPTED);
            case EndpointConnectionRejected e ->
                    connection(c, e.serviceId(), e.vpcEndpointId(), e.endpointOwnerId(), ConnectionState.REJECTED);
            case EndpointConnectionDeleted e -> Sql.update(c,
                    "update endpoint_connections set vpc_endpoint_state = ? where service_id = ? and vpc_endpoint_id = ?",
                    ConnectionState.DELETED.wireName(), e.serviceId(), e.vpcEndpointId());
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Not truncate: readers keep the old rows until the rebuild commits.
            st.execute("delete from endpoint_connections");
            st.execute("delete from allowed_principals");
            st.execute("delete from endpoint_services");
        }
    }

    private static void serviceState(Connection c, String serviceId, ServiceState state, String reason)
            throws SQLException {
        Sql.update(c, "update endpoint_services set service_state = ?, failure_reason = ? where service_id = ?",
                state.name(), reason, serviceId);
    }

    /** A connection moves from state to state: each of its events replaces the row's state. */
    private static void connection(Connection c, String serviceId, String endpointId, String owner,
                                   ConnectionState state) throws SQLException {
        Sql.update(c, """
                insert into endpoint_connections (service_id, vpc_endpoint_id, vpc_endpoint_owner, vpc_endpoint_state)
                values (?, ?, ?, ?)
                on conflict (service_id, vpc_endpoint_id) do update set vpc_endpoint_owner = excluded.vpc_endpoint_owner,
                    vpc_endpoint_state = excluded.vpc_endpoint_state""",
                serviceId, endpointId, owner, state.wireName());
    }
}

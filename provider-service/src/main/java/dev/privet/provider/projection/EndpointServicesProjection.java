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
import dev.privet.contracts.events.Topic;
import dev.privet.provider.domain.ConnectionState;
import dev.privet.provider.domain.ServiceState;
import dev.privet.runtime.Projection;
import dev.privet.runtime.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The read model of endpoint services, their allowed principals and their connections, kept from this service's own
 * topic. Every event moves the service's {@code version}, so a read can wait for its own write.
 */
@ApplicationScoped
public class EndpointServicesProjection implements Projection {
    public static final String NAME = "endpoint-services";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.PROVIDER);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        if (!(envelope.event() instanceof ProviderEvent event)) {
            return;
        }
        switch (event) {
            case EndpointServiceCreated e -> created(c, e, envelope.version());
            case EndpointServiceAvailable e -> serviceState(c, e.serviceId(), ServiceState.Available, null);
            case EndpointServiceFailed e -> serviceState(c, e.serviceId(), ServiceState.Failed, e.reason());
            case AllowedPrincipalsAdded e -> {
                for (String principal : e.principals()) {
                    Sql.update(c, "insert into allowed_principals (service_id, principal) values (?, ?) on conflict do nothing",
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
        Sql.update(c, "update endpoint_services set version = greatest(version, ?) where service_id = ?",
                envelope.version(), envelope.streamId());
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("truncate endpoint_services, allowed_principals, endpoint_connections");
        }
    }

    private void created(Connection c, EndpointServiceCreated e, long version) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into endpoint_services (service_id, service_name, owner_id, service_state, failure_reason,
                                               acceptance_required, network_load_balancer_arns, version)
                values (?, ?, ?, ?, null, ?, ?, ?)
                on conflict (service_id) do update set service_name = excluded.service_name,
                    owner_id = excluded.owner_id, acceptance_required = excluded.acceptance_required,
                    network_load_balancer_arns = excluded.network_load_balancer_arns""")) {
            st.setString(1, e.serviceId());
            st.setString(2, e.serviceName());
            st.setString(3, e.ownerId());
            st.setString(4, ServiceState.Pending.name());
            st.setBoolean(5, e.acceptanceRequired());
            st.setArray(6, c.createArrayOf("text", e.networkLoadBalancerArns().toArray()));
            st.setLong(7, version);
            st.executeUpdate();
        }
    }

    private void serviceState(Connection c, String serviceId, ServiceState state, String reason) throws SQLException {
        Sql.update(c, "update endpoint_services set service_state = ?, failure_reason = ? where service_id = ?",
                state.name(), reason, serviceId);
    }

    private void connection(Connection c, String serviceId, String endpointId, String owner, ConnectionState state)
            throws SQLException {
        Sql.update(c, """
                insert into endpoint_connections (service_id, vpc_endpoint_id, vpc_endpoint_owner, vpc_endpoint_state)
                values (?, ?, ?, ?)
                on conflict (service_id, vpc_endpoint_id) do update set vpc_endpoint_owner = excluded.vpc_endpoint_owner,
                    vpc_endpoint_state = excluded.vpc_endpoint_state""",
                serviceId, endpointId, owner, state.wireName());
    }

}

package dev.privet.provider.projection;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.ProviderEvent.AcceptanceRequirementChanged;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.contracts.events.ProviderEvent;
import dev.privet.eventstore.InlineProjection;
import dev.privet.provider.domain.ConnectionState;
import dev.privet.provider.domain.ServiceState;
import dev.privet.runtime.ReadModelTables;
import dev.privet.runtime.tags.ResourceTagRow;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceTagsChanged;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The read model of endpoint services, their allowed principals, their connections and their tags
 * ({@link EndpointServiceRow}, {@link EndpointConnectionRow}, {@link ResourceTagRow}), written through Panache in
 * the transaction that appends the events (an inline projection): a read after a write sees it, lists included,
 * from any replica. A deleted service leaves the model with its principals, connections and tags: no read shows it
 * again, and a refusal its stream records afterwards (an endpoint that asked for it too late) has no row to go to.
 * A rebuild empties the tables (one SQL delete each) and replays the event store in position order.
 */
@ApplicationScoped
public class EndpointServicesProjection implements InlineProjection {
    public static final String NAME = "endpoint-services";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        if (!(envelope.event() instanceof ProviderEvent event)) {
            return; // the store holds only provider events today; a future stream type is not this model's
        }
        switch (event) {
            case EndpointServiceCreated e -> {
                EndpointServiceRow row = new EndpointServiceRow();
                row.serviceId = e.serviceId();
                row.serviceName = e.serviceName();
                row.ownerId = e.ownerId();
                row.serviceState = ServiceState.Pending.name();
                row.acceptanceRequired = e.acceptanceRequired();
                row.networkLoadBalancerArns = new ArrayList<>(e.networkLoadBalancerArns());
                row.persist();
            }
            case EndpointServiceAvailable e -> serviceState(e.serviceId(), ServiceState.Available, null);
            case EndpointServiceFailed e -> serviceState(e.serviceId(), ServiceState.Failed, e.reason());
            case AcceptanceRequirementChanged e -> service(e.serviceId()).acceptanceRequired = e.acceptanceRequired();
            case AllowedPrincipalsAdded e -> service(e.serviceId()).allowedPrincipals.addAll(e.principals());
            case AllowedPrincipalsRemoved e -> service(e.serviceId()).allowedPrincipals.removeAll(e.principals());
            case EndpointConnectionRequested e -> connection(e.serviceId(), e.vpcEndpointId(), e.endpointOwnerId(),
                    ConnectionState.PENDING_ACCEPTANCE, envelope.time());
            case EndpointConnectionAccepted e -> connection(e.serviceId(), e.vpcEndpointId(), e.endpointOwnerId(),
                    ConnectionState.ACCEPTED, envelope.time());
            case EndpointConnectionRejected e -> connection(e.serviceId(), e.vpcEndpointId(), e.endpointOwnerId(),
                    ConnectionState.REJECTED, envelope.time());
            case EndpointConnectionDeleted e -> EndpointConnectionRow.<EndpointConnectionRow>findByIdOptional(
                            new EndpointConnectionRow.Key(e.serviceId(), e.vpcEndpointId()))
                    .ifPresent(row -> row.vpcEndpointState = ConnectionState.DELETED.wireName());
            case EndpointServiceTagsChanged e -> ResourceTagRow.apply(e);
            case EndpointServiceDeleted e -> {
                EndpointConnectionRow.delete("serviceId", e.serviceId());
                service(e.serviceId()).delete(); // its allowed principals with it
                ResourceTagRow.deleteById(e.serviceId());
            }
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "resource_tags", "endpoint_connections", "allowed_principals", "endpoint_services");
    }

    /** A service's events come after its creation, in the same stream: its row exists. */
    private static EndpointServiceRow service(String serviceId) {
        return EndpointServiceRow.find(serviceId).orElseThrow(() ->
                new IllegalStateException("an event of service " + serviceId + " before its creation"));
    }

    private static void serviceState(String serviceId, ServiceState state, String reason) {
        EndpointServiceRow row = service(serviceId);
        row.serviceState = state.name();
        row.failureReason = reason;
    }

    /**
     * A connection moves from state to state: each of its events replaces the row's state; its first event's time is
     * its creation time. One of a deleted service (refused because the service is gone) is not shown anywhere.
     */
    private static void connection(String serviceId, String endpointId, String owner, ConnectionState state,
                                   Instant at) {
        if (EndpointServiceRow.find(serviceId).isEmpty()) {
            return;
        }
        EndpointConnectionRow row = EndpointConnectionRow.<EndpointConnectionRow>findByIdOptional(
                new EndpointConnectionRow.Key(serviceId, endpointId)).orElseGet(() -> {
                    EndpointConnectionRow created = new EndpointConnectionRow();
                    created.serviceId = serviceId;
                    created.vpcEndpointId = endpointId;
                    created.createdAt = at;
                    return created;
                });
        row.vpcEndpointOwner = owner;
        row.vpcEndpointState = state.wireName();
        row.persist();
    }
}

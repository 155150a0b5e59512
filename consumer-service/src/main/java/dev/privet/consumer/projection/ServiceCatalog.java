package dev.privet.consumer.projection;

import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.ProviderEvent.AcceptanceRequirementChanged;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsRemoved;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceTagsChanged;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceFailed;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.Projection;
import dev.privet.runtime.ReadModelTables;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * The catalog of endpoint services consumers can connect to ({@link CatalogServiceRow}): provider-service's services,
 * their state and allowed principals, as its events tell them, written through Panache. A deleted service leaves it
 * with its principals: it is listed no more, and an endpoint on its name is {@code InvalidServiceName}.
 */
@ApplicationScoped
public class ServiceCatalog implements Projection {
    public static final String NAME = "service-catalog";

    private final EventRuntime runtime;

    ServiceCatalog(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** This consumer's channel: each poll is applied once, in one transaction (see {@link EventRuntime#apply}). */
    @Incoming(NAME)
    @Blocking
    void receive(ConsumerRecords<String, byte[]> records) {
        runtime.apply(NAME, records);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        switch (envelope.event()) {
            case EndpointServiceCreated e -> {
                CatalogServiceRow row = CatalogServiceRow.find(e.serviceId()).orElseGet(() -> pending(e.serviceId()));
                row.serviceName = e.serviceName();
                row.ownerId = e.ownerId();
                row.acceptanceRequired = e.acceptanceRequired();
                row.networkLoadBalancerArns = new ArrayList<>(e.networkLoadBalancerArns());
                row.persist();
            }
            case EndpointServiceAvailable e ->
                    service(e.serviceId(), s -> s.serviceState = EndpointServiceOffer.AVAILABLE);
            case EndpointServiceFailed e -> service(e.serviceId(), s -> s.serviceState = EndpointServiceOffer.FAILED);
            case AcceptanceRequirementChanged e ->
                    service(e.serviceId(), s -> s.acceptanceRequired = e.acceptanceRequired());
            case AllowedPrincipalsAdded e -> service(e.serviceId(), s -> s.allowedPrincipals.addAll(e.principals()));
            case AllowedPrincipalsRemoved e ->
                    service(e.serviceId(), s -> s.allowedPrincipals.removeAll(e.principals()));
            case EndpointServiceTagsChanged e -> CatalogServiceTagsRow.hold(e.serviceId(), e.tags());
            case EndpointServiceDeleted e -> {
                service(e.serviceId(), row -> row.delete());
                CatalogServiceTagsRow.deleteById(e.serviceId());
            }
            default -> { } // connections are not the catalog's concern
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "catalog_service_tags", "catalog_allowed_principals", "catalog_services");
    }

    private static CatalogServiceRow pending(String serviceId) {
        CatalogServiceRow row = new CatalogServiceRow();
        row.serviceId = serviceId;
        row.serviceState = EndpointServiceOffer.PENDING;
        return row;
    }

    /** A service's later events come after its creation, on the same partition; one without it changes nothing. */
    private static void service(String serviceId, Consumer<CatalogServiceRow> change) {
        CatalogServiceRow.find(serviceId).ifPresent(change);
    }
}

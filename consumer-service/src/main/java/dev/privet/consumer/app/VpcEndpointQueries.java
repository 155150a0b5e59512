package dev.privet.consumer.app;

import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.projection.ServiceCatalog;
import dev.privet.consumer.projection.VpcEndpointsView;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.EventRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Answers reads from the read models. The endpoints' model is written with the events (inline), so reads of it never
 * wait: a read after a write sees it. The catalog is a view of provider-service's events, and a named miss in it is
 * confirmed first.
 */
@ApplicationScoped
public class VpcEndpointQueries {
    private final Transactions transactions;
    private final EventRuntime eventRuntime;
    private final VpcEndpointsView endpoints;
    private final ServiceCatalog catalog;

    VpcEndpointQueries(Transactions transactions, EventRuntime eventRuntime, VpcEndpointsView endpoints,
                       ServiceCatalog catalog) {
        this.transactions = transactions;
        this.eventRuntime = eventRuntime;
        this.endpoints = endpoints;
        this.catalog = catalog;
    }

    /** The caller's endpoint; another account's reads as missing. */
    public VpcEndpoint get(AccountId caller, String vpcEndpointId) {
        return transactions.inTransaction(c -> endpoints.find(c, vpcEndpointId))
                .filter(e -> e.ownerId().equals(caller.value()))
                .orElseThrow(() -> Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId",
                        "The Vpc Endpoint Id '" + vpcEndpointId + "' does not exist"));
    }

    /** The caller's endpoints, oldest first. */
    public List<VpcEndpoint> list(AccountId caller) {
        return transactions.inTransaction(c -> endpoints.ownedBy(c, caller.value()));
    }

    /**
     * The services the caller may use (it owns them or is allowed), optionally only the one named; a name not found
     * is looked for again once the catalog has caught up (DESIGN rule 10), or answered 503 if it cannot in time.
     */
    public List<EndpointServiceOffer> services(AccountId caller, String serviceName) {
        List<EndpointServiceOffer> found = usableServices(caller, serviceName);
        if (found.isEmpty() && serviceName != null) {
            eventRuntime.catchUp(ServiceCatalog.NAME);
            found = usableServices(caller, serviceName);
        }
        return found;
    }

    private List<EndpointServiceOffer> usableServices(AccountId caller, String serviceName) {
        return transactions.inTransaction(c -> serviceName == null ? catalog.all(c)
                        : catalog.findByName(c, serviceName).stream().toList()).stream()
                .filter(s -> s.admits(caller))
                .toList();
    }
}

package dev.privet.consumer.app;

import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.domain.VpcEndpointDecider;
import dev.privet.consumer.projection.ServiceCatalog;
import dev.privet.consumer.projection.VpcEndpointsView;
import dev.privet.contracts.ids.AccountId;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.ApiException;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.ReadYourWrites;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Answers reads of endpoints and of the service catalog from the read models. */
@ApplicationScoped
public class VpcEndpointQueries {
    private final Transactions transactions;
    private final ReadYourWrites readYourWrites;
    private final EventRuntime eventRuntime;
    private final VpcEndpointsView endpoints;
    private final ServiceCatalog catalog;

    VpcEndpointQueries(Transactions transactions, ReadYourWrites readYourWrites, EventRuntime eventRuntime,
                       VpcEndpointsView endpoints, ServiceCatalog catalog) {
        this.transactions = transactions;
        this.readYourWrites = readYourWrites;
        this.eventRuntime = eventRuntime;
        this.endpoints = endpoints;
        this.catalog = catalog;
    }

    /** The caller's endpoint, once the read model has every event the store holds for it (DESIGN rule 11). */
    public VpcEndpoint get(AccountId caller, String vpcEndpointId) {
        readYourWrites.await(vpcEndpointId, c -> endpoints.version(c, vpcEndpointId));
        return transactions.inTransaction(c -> endpoints.find(c, vpcEndpointId))
                .map(VpcEndpointsView.Row::endpoint)
                .filter(e -> e.ownerId().equals(caller.value()))
                .orElseThrow(() -> ApiException.notFound(VpcEndpointDecider.ENDPOINT_NOT_FOUND, "vpcEndpointId",
                        "The Vpc Endpoint Id '" + vpcEndpointId + "' does not exist"));
    }

    /** The caller's endpoints, once the view has caught up with everything published (a create just before shows). */
    public List<VpcEndpoint> list(AccountId caller) {
        eventRuntime.awaitCaughtUp(VpcEndpointsView.NAME);
        return transactions.inTransaction(c -> endpoints.ownedBy(c, caller.value())).stream()
                .map(VpcEndpointsView.Row::endpoint).toList();
    }

    /**
     * The services the caller may use (it owns them or is allowed), optionally only the one named; a name not found
     * is looked for again once the catalog has caught up (DESIGN rule 10).
     */
    public List<EndpointServiceOffer> services(AccountId caller, String serviceName) {
        List<EndpointServiceOffer> found = usableServices(caller, serviceName);
        if (found.isEmpty() && serviceName != null) {
            eventRuntime.awaitCaughtUp(ServiceCatalog.NAME);
            found = usableServices(caller, serviceName);
        }
        return found;
    }

    private List<EndpointServiceOffer> usableServices(AccountId caller, String serviceName) {
        return transactions.inTransaction(c -> catalog.all(c)).stream()
                .filter(s -> serviceName == null || s.serviceName().equals(serviceName))
                .filter(s -> s.admits(caller))
                .toList();
    }
}

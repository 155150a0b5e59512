package dev.privet.consumer.app;

import dev.privet.consumer.domain.AwsServices;
import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.consumer.domain.ServiceDetail;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.projection.CatalogServiceRow;
import dev.privet.consumer.projection.ServiceCatalog;
import dev.privet.consumer.projection.VpcEndpointRow;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.Requester;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.EventRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Stream;

/**
 * Answers reads from the read models. The endpoints' model is written with the events (inline), so reads of it never
 * wait: a read after a write sees it. The catalog is a view of provider-service's events, and a named miss in it is
 * confirmed first.
 */
@ApplicationScoped
public class VpcEndpointQueries {
    private final Transactions transactions;
    private final EventRuntime eventRuntime;
    private final AwsServices awsServices;

    VpcEndpointQueries(Transactions transactions, EventRuntime eventRuntime, AwsServices awsServices) {
        this.transactions = transactions;
        this.eventRuntime = eventRuntime;
        this.awsServices = awsServices;
    }

    /**
     * The caller's endpoint; another account's reads as missing. Read in the request's session, without a
     * transaction of its own: the model is inline, so there is nothing to catch up and read again, and clients poll
     * this read (a JTA transaction and an enlisted connection per poll cost more than the query).
     */
    public VpcEndpoint get(AccountId caller, String vpcEndpointId) {
        return VpcEndpointRow.find(vpcEndpointId).map(VpcEndpointRow::endpoint)
                .filter(e -> e.ownerId().equals(caller.value()))
                .orElseThrow(() -> Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId",
                        "The Vpc Endpoint Id '" + vpcEndpointId + "' does not exist"));
    }

    /** The caller's endpoints, oldest first; read as {@link #get} is. */
    public List<VpcEndpoint> list(AccountId caller) {
        return VpcEndpointRow.ownedBy(caller.value()).stream().map(VpcEndpointRow::endpoint).toList();
    }

    /**
     * The catalog as the caller sees it, by name, then type: AWS's own services, and the providers' services it may
     * use (it owns them or is allowed); optionally only those of one name. A name found in neither is looked for again
     * once the catalog has caught up (DESIGN rule 10), or answered 503 if it cannot in time; AWS's services are always
     * there.
     */
    public List<ServiceDetail> services(Requester caller, String serviceName) {
        List<ServiceDetail> aws = serviceName == null ? awsServices.all() : awsServices.named(serviceName);
        List<EndpointServiceOffer> found = usableServices(caller, serviceName);
        if (found.isEmpty() && aws.isEmpty() && serviceName != null) {
            eventRuntime.catchUp(ServiceCatalog.NAME);
            found = usableServices(caller, serviceName);
        }
        return Stream.concat(aws.stream(), found.stream().map(s -> ServiceDetail.of(s, awsServices.region())))
                .sorted(ServiceDetail.ORDER).toList();
    }

    private List<EndpointServiceOffer> usableServices(Requester caller, String serviceName) {
        List<EndpointServiceOffer> offers = transactions.inTransaction(c -> (serviceName == null
                ? CatalogServiceRow.all() : CatalogServiceRow.named(serviceName).stream().toList())
                .stream().map(CatalogServiceRow::offer).toList());
        return offers.stream().filter(s -> s.admits(caller)).toList();
    }
}

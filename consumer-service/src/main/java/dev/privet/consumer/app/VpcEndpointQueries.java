package dev.privet.consumer.app;

import dev.privet.consumer.config.DeletedEndpointsConfig;
import dev.privet.consumer.domain.AwsServices;
import dev.privet.consumer.domain.ServiceDetail;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.projection.CatalogServiceRow;
import dev.privet.consumer.projection.CatalogServiceTagsRow;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.consumer.projection.NetworkLoadBalancerRow;
import dev.privet.consumer.projection.NetworkSubnetRow;
import dev.privet.consumer.projection.ServiceCatalog;
import dev.privet.consumer.projection.VpcEndpointRow;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.Requester;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.EventRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final Duration deletedVisibleFor;

    VpcEndpointQueries(Transactions transactions, EventRuntime eventRuntime, AwsServices awsServices,
                       DeletedEndpointsConfig deleted) {
        this.transactions = transactions;
        this.eventRuntime = eventRuntime;
        this.awsServices = awsServices;
        this.deletedVisibleFor = deleted.deletedVisibleFor();
    }

    /**
     * The caller's endpoint; another account's reads as missing, and so does one deleted longer ago than
     * {@code privet.endpoints.deleted-visible-for}. Read in the request's session, without a transaction of its own:
     * the model is inline, so there is nothing to catch up and read again, and clients poll this read (a JTA
     * transaction and an enlisted connection per poll cost more than the query).
     */
    public VpcEndpoint get(AccountId caller, String vpcEndpointId) {
        return VpcEndpointRow.find(vpcEndpointId).filter(row -> row.isShownSince(deletedSince()))
                .map(VpcEndpointRow::endpoint)
                .filter(e -> e.ownerId().equals(caller.value()))
                .orElseThrow(() -> Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND, "vpcEndpointId",
                        "The Vpc Endpoint Id '" + vpcEndpointId + "' does not exist"));
    }

    /** The caller's endpoints, oldest first, without those deleted too long ago; read as {@link #get} is. */
    public List<VpcEndpoint> list(AccountId caller) {
        return VpcEndpointRow.ownedBy(caller.value(), deletedSince()).stream().map(VpcEndpointRow::endpoint).toList();
    }

    private Instant deletedSince() {
        return Instant.now().minus(deletedVisibleFor);
    }

    /**
     * The catalog as the caller sees it, by name, then type: AWS's own services, and the providers' services it may
     * use (it owns them or is allowed); optionally only those of one name. A name found in neither is looked for again
     * once the catalog has caught up (DESIGN rule 10), or answered 503 if it cannot in time; AWS's services are always
     * there.
     */
    public List<ServiceDetail> services(Requester caller, String serviceName) {
        List<ServiceDetail> aws = serviceName == null ? awsServices.all() : awsServices.named(serviceName);
        List<ServiceDetail> found = usableServices(caller, serviceName);
        if (found.isEmpty() && aws.isEmpty() && serviceName != null) {
            eventRuntime.catchUp(ServiceCatalog.NAME);
            found = usableServices(caller, serviceName);
        }
        return Stream.concat(aws.stream(), found.stream()).sorted(ServiceDetail.ORDER).toList();
    }

    private List<ServiceDetail> usableServices(Requester caller, String serviceName) {
        return transactions.inTransaction(c -> {
            List<CatalogServiceRow> usable = (serviceName == null
                    ? CatalogServiceRow.all() : CatalogServiceRow.named(serviceName).stream().toList())
                    .stream().filter(row -> row.offer().admits(caller)).toList();
            Map<String, List<String>> zonesOfLoadBalancer = zonesOfLoadBalancers(usable.stream()
                    .flatMap(row -> row.networkLoadBalancerArns.stream()).collect(Collectors.toSet()));
            Map<String, List<Tag>> tags = CatalogServiceTagsRow.of(usable.stream()
                    .filter(row -> row.ownerId.equals(caller.accountId())).map(row -> row.serviceId).toList());
            return usable.stream().map(row -> ServiceDetail.of(row.offer(), awsServices.region(),
                    zones(row, zonesOfLoadBalancer), tags.getOrDefault(row.serviceId, List.of()))).toList();
        });
    }

    /** A service's zones: those of its load balancers, each once, in order. */
    private static List<String> zones(CatalogServiceRow service, Map<String, List<String>> zonesOfLoadBalancer) {
        return service.networkLoadBalancerArns.stream()
                .flatMap(lb -> zonesOfLoadBalancer.getOrDefault(lb, List.of()).stream()).distinct().sorted().toList();
    }

    /**
     * The zones of each load balancer's subnets, as the network view knows them: one it has not seen yet (the
     * provider's topic can run ahead of the network's) has none, and its service shows no zones until it has.
     */
    private static Map<String, List<String>> zonesOfLoadBalancers(Set<String> arns) {
        List<NetworkLoadBalancerRow> loadBalancers = NetworkLoadBalancerRow.withArns(arns);
        if (loadBalancers.isEmpty()) {
            return Map.of();
        }
        Map<String, String> zoneOfSubnet = NetworkSubnetRow.withIds(loadBalancers.stream()
                        .flatMap(lb -> lb.subnetIds.stream()).distinct().toList()).stream()
                .collect(Collectors.toMap(subnet -> subnet.subnetId, subnet -> subnet.availabilityZone));
        return loadBalancers.stream().collect(Collectors.toMap(lb -> lb.loadBalancerArn, lb -> lb.subnetIds.stream()
                .map(zoneOfSubnet::get).filter(Objects::nonNull).toList()));
    }
}

package dev.privet.consumer.app;

import dev.privet.consumer.domain.AccessControls;
import dev.privet.consumer.domain.AwsServices;
import dev.privet.consumer.domain.EndpointCommand;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.ModifyEndpoint;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.consumer.domain.RouteTable;
import dev.privet.consumer.domain.SecurityGroup;
import dev.privet.consumer.domain.ServiceDetail;
import dev.privet.consumer.domain.Subnet;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.domain.VpcEndpointDecider;
import dev.privet.consumer.domain.VpcEndpointState;
import dev.privet.consumer.projection.CatalogServiceRow;
import dev.privet.consumer.projection.NetworkRouteTableRow;
import dev.privet.consumer.projection.NetworkSecurityGroupRow;
import dev.privet.consumer.projection.NetworkSubnetRow;
import dev.privet.consumer.projection.NetworkView;
import dev.privet.consumer.projection.NetworkVpcRow;
import dev.privet.consumer.projection.ServiceCatalog;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.ids.Requester;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.DeciderRunner.Loaded;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.tags.TaggedResource;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The commands on VPC endpoints: the owner's requests (create, modify, delete) through the {@link CommandRunner}, and the
 * other services' verdicts (reactions) on the subscription's own transaction.
 */
@ApplicationScoped
public class VpcEndpointCommands {
    static final VpcEndpointDecider DECIDER = new VpcEndpointDecider();
    /**
     * How long a request for an endpoint on a service that is still Pending waits for it to become Available. A
     * script that creates a service and at once an endpoint should not fail for the few hundred milliseconds the
     * load balancer check takes.
     */
    private static final Duration PENDING_SERVICE_WAIT = Duration.ofSeconds(10);

    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final Transactions transactions;
    private final EventRuntime eventRuntime;
    private final ConsumerTags tags;
    private final AwsServices awsServices;

    VpcEndpointCommands(CommandRunner commands, DeciderRunner deciders, Transactions transactions,
                        EventRuntime eventRuntime, ConsumerTags tags, AwsServices awsServices) {
        this.commands = commands;
        this.deciders = deciders;
        this.transactions = transactions;
        this.eventRuntime = eventRuntime;
        this.tags = tags;
        this.awsServices = awsServices;
    }

    /**
     * Requests a new endpoint for {@code caller}; with a key, a retry returns the endpoint the first request made. A
     * rejection that rests on something a view may not have seen yet (a service, VPC, subnet, route table or security
     * group) is confirmed first: the view catches up with its topic and the request is decided again (DESIGN rule
     * 10). A catch-up that runs out of time is a 503 to retry, never a not-found. AWS's own services are a fixed
     * list, not a view: a Gateway endpoint to {@code s3} or {@code dynamodb} is decided on it; an Interface endpoint
     * to one of them is not supported yet, and refused as such before anything is decided.
     */
    public VpcEndpoint create(Requester caller, EndpointRequest request, Optional<IdempotencyKey> key) {
        Optional<EndpointServiceOffer> awsService = awsService(request);
        String vpcEndpointId = IdFormat.VPC_ENDPOINT.newId();
        EventMetadata metadata = EventMetadata.forRequest(caller.principalArn());
        return confirmingMisses(() -> commands.create(key, vpcEndpointId, c -> {
                    VpcEndpoint created = endpoint(deciders.run(c, vpcEndpointId,
                            command(vpcEndpointId, caller, request, awsService), DECIDER, metadata).state());
                    tags.tagNew(c, new TaggedResource(vpcEndpointId, IdFormat.VPC_ENDPOINT.resourceType(),
                            caller.accountId()), request.tags(), metadata);
                    return created;
                }, (c, earlier) -> endpoint(deciders.load(c, earlier, DECIDER).state())),
                () -> pendingFor(caller, request), request.serviceName());
    }

    /** Asks for the endpoint's deletion; an endpoint already being deleted is answered as it is. */
    public VpcEndpoint delete(Requester caller, String vpcEndpointId) {
        return endpoint(commands.execute(vpcEndpointId, new DeleteEndpoint(vpcEndpointId, caller.account()), DECIDER,
                EventMetadata.forRequest(caller.principalArn())));
    }

    /**
     * Changes an endpoint (its subnets, security groups, policy, route tables: all or none); with subnets, the
     * endpoint answered is pending until its names point at the new interfaces, with route tables until its routes
     * are in them. An added subnet, group or route table the network view lacks is confirmed first, as at creation
     * (DESIGN rule 10).
     */
    public VpcEndpoint modify(Requester caller, String vpcEndpointId, EndpointChangeRequest change) {
        return confirmingMisses(() -> modifyOnce(caller, vpcEndpointId, change), () -> false, null);
    }

    private VpcEndpoint modifyOnce(Requester caller, String vpcEndpointId, EndpointChangeRequest change) {
        EventMetadata metadata = EventMetadata.forRequest(caller.principalArn());
        return endpoint(commands.execute(c -> {
            Loaded<VpcEndpointState> loaded = deciders.load(c, vpcEndpointId, DECIDER);
            List<String> named = new ArrayList<>(change.subnets().add());
            if (loaded.state() instanceof VpcEndpoint endpoint) {
                named.addAll(endpoint.subnetIds()); // their zones: one subnet per zone
            }
            var command = new ModifyEndpoint(vpcEndpointId, caller.account(), change.subnets(), subnets(named),
                    change.securityGroups(), securityGroups(change.securityGroups().add()), change.policy(),
                    change.routeTables(), routeTables(change.routeTables().add()));
            return deciders.appendDecision(c, loaded, DECIDER.decide(command, loaded.state()), DECIDER, metadata)
                    .state();
        }));
    }

    /**
     * Applies another service's verdict to the endpoint, on the subscription's connection, so the effect commits
     * with the event's applied marker. A verdict on an endpoint this service does not have decides nothing.
     */
    public void react(Connection c, String vpcEndpointId, EndpointCommand command, EventEnvelope cause)
            throws SQLException {
        deciders.run(c, vpcEndpointId, command, DECIDER, EventMetadata.causedBy(cause));
    }

    /**
     * The AWS service the request names, as its type offers it (a service AWS offers as the other type only is
     * refused by the decision); none when the request names a provider's service.
     */
    private Optional<EndpointServiceOffer> awsService(EndpointRequest request) {
        List<ServiceDetail> named = awsServices.named(request.serviceName());
        Optional<ServiceDetail> ofType = named.stream()
                .filter(s -> s.serviceType().equals(request.vpcEndpointType())).findFirst();
        if (ofType.filter(s -> s.serviceType().equals(ServiceDetail.INTERFACE)).isPresent()) {
            throw Rejection.invalidValue("serviceName", "The Vpc Endpoint Service '" + request.serviceName()
                    + "' is one of AWS's own services; Interface endpoints to them are not supported yet");
        }
        return ofType.or(() -> named.stream().findFirst()).map(ServiceDetail::offer);
    }

    /**
     * The create command, with what the views know now of the service, the VPC and the subnets, route tables and
     * security groups named (read in the command's transaction, through Panache).
     */
    private static RequestEndpoint command(String vpcEndpointId, Requester caller, EndpointRequest request,
                                           Optional<EndpointServiceOffer> awsService) {
        return new RequestEndpoint(vpcEndpointId, caller, request.vpcEndpointType(), request.serviceName(),
                awsService.or(() -> CatalogServiceRow.named(request.serviceName()).map(CatalogServiceRow::offer)),
                request.vpcId(),
                NetworkVpcRow.find(request.vpcId()).map(NetworkVpcRow::vpc), request.subnetIds(),
                subnets(request.subnetIds()),
                request.routeTableIds(), routeTables(request.routeTableIds()),
                securityGroups(request.securityGroupIds()),
                new AccessControls(request.securityGroupIds(), request.policyDocument()));
    }

    /** The security groups of {@code groupIds} the network view knows, by id. */
    private static Map<String, SecurityGroup> securityGroups(List<String> groupIds) {
        return NetworkSecurityGroupRow.withIds(groupIds).stream()
                .collect(Collectors.toMap(row -> row.groupId, NetworkSecurityGroupRow::securityGroup));
    }

    /** The route tables of {@code routeTableIds} the network view knows, by id. */
    private static Map<String, RouteTable> routeTables(List<String> routeTableIds) {
        return NetworkRouteTableRow.withIds(routeTableIds).stream()
                .collect(Collectors.toMap(row -> row.routeTableId, NetworkRouteTableRow::routeTable));
    }

    /** The subnets of {@code subnetIds} the network view knows, by id. */
    private static Map<String, Subnet> subnets(List<String> subnetIds) {
        return NetworkSubnetRow.withIds(subnetIds).stream()
                .collect(Collectors.toMap(row -> row.subnetId, NetworkSubnetRow::subnet));
    }

    /**
     * {@code decision}'s answer, with each rejection that rests on a view that may lag confirmed first: the view
     * catches up with its topics and the request is decided again, once per view (DESIGN rule 10). A service that
     * is still Pending once the catalog caught up ({@code servicePending}, for {@code serviceName}) is looked at again
     * for up to {@link #PENDING_SERVICE_WAIT}, then answered 503; a catch-up that runs out of time is a 503 too.
     */
    private <T> T confirmingMisses(Supplier<T> decision, BooleanSupplier servicePending, String serviceName) {
        Set<String> caughtUp = new HashSet<>();
        long deadline = System.nanoTime() + PENDING_SERVICE_WAIT.toNanos();
        while (true) {
            try {
                return decision.get();
            } catch (Rejection rejected) {
                String view = viewThatMayLag(rejected);
                if (view == null) {
                    throw rejected;
                }
                if (!caughtUp.add(view)) {
                    if (!view.equals(ServiceCatalog.NAME) || !servicePending.getAsBoolean()) {
                        throw rejected; // confirmed: the view has everything published before the request
                    }
                    if (System.nanoTime() > deadline) {
                        throw Rejection.unavailable("The Vpc Endpoint Service '" + serviceName + "' is still "
                                + "Pending after " + PENDING_SERVICE_WAIT.toSeconds() + " s; retry the request");
                    }
                    pause(); // a service just created is Pending until network-service confirms its load balancers
                }
                eventRuntime.catchUp(view);
            }
        }
    }

    private boolean pendingFor(Requester caller, EndpointRequest request) {
        return transactions.inTransaction(c -> CatalogServiceRow.named(request.serviceName())
                        .map(CatalogServiceRow::offer))
                .filter(offer -> EndpointServiceOffer.PENDING.equals(offer.serviceState()) && offer.admits(caller))
                .isPresent();
    }

    private static String viewThatMayLag(Rejection rejected) {
        return switch (rejected.code()) {
            case INVALID_SERVICE_NAME -> ServiceCatalog.NAME;
            case INVALID_VPC_ID_NOT_FOUND, INVALID_SUBNET_ID_NOT_FOUND, INVALID_ROUTE_TABLE_ID_NOT_FOUND,
                 INVALID_GROUP_NOT_FOUND -> NetworkView.NAME;
            default -> null; // the rest does not rest on other services' events
        };
    }

    private static VpcEndpoint endpoint(VpcEndpointState state) {
        return switch (state) {
            case VpcEndpoint endpoint -> endpoint;
            case VpcEndpointState.NotRequested none -> throw new IllegalStateException("no endpoint was decided");
        };
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

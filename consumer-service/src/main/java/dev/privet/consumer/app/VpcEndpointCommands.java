package dev.privet.consumer.app;

import dev.privet.consumer.domain.EndpointCommand;
import dev.privet.consumer.domain.EndpointCommand.DeleteEndpoint;
import dev.privet.consumer.domain.EndpointCommand.RequestEndpoint;
import dev.privet.consumer.domain.EndpointRejected;
import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.domain.VpcEndpointDecider;
import dev.privet.consumer.projection.NetworkView;
import dev.privet.consumer.projection.ServiceCatalog;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.Transactions;
import dev.privet.runtime.ApiException;
import dev.privet.runtime.EventRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates and deletes VPC endpoints, and applies the other services' verdicts on them: load the endpoint's stream,
 * decide, append, in one transaction.
 */
@ApplicationScoped
public class VpcEndpointCommands {
    /**
     * How long a request for an endpoint on a service that is still Pending waits for it to become Available. A
     * script that creates a service and at once an endpoint should not fail for the few hundred milliseconds the
     * load balancer check takes.
     */
    private static final Duration PENDING_SERVICE_WAIT = Duration.ofSeconds(10);

    private final Transactions transactions;
    private final EventStore store;
    private final EventRuntime eventRuntime;
    private final ServiceCatalog catalog;
    private final NetworkView network;

    VpcEndpointCommands(Transactions transactions, EventStore store, EventRuntime eventRuntime,
                        ServiceCatalog catalog, NetworkView network) {
        this.transactions = transactions;
        this.store = store;
        this.eventRuntime = eventRuntime;
        this.catalog = catalog;
        this.network = network;
    }

    /**
     * Requests a new endpoint for {@code caller}. A rejection that rests on something the views have not seen (a
     * service, VPC or subnet) is confirmed first: the view catches up with its topic and the request is decided
     * again (DESIGN rule 10), so a script that has just created them is not told they do not exist.
     */
    public VpcEndpoint create(AccountId caller, EndpointRequest request) {
        String vpcEndpointId = IdFormat.VPC_ENDPOINT.newId();
        Set<String> caughtUp = new HashSet<>();
        long deadline = System.nanoTime() + PENDING_SERVICE_WAIT.toNanos();
        while (true) {
            try {
                return transactions.inTransaction(c -> {
                    var command = new RequestEndpoint(vpcEndpointId, caller, request.vpcEndpointType(),
                            request.serviceName(), catalog.findByName(c, request.serviceName()), request.vpcId(),
                            network.findVpc(c, request.vpcId()), request.subnetIds(),
                            network.findSubnets(c, request.subnetIds()));
                    return execute(c, vpcEndpointId, command, EventMetadata.forRequest(caller.value()));
                });
            } catch (EndpointRejected rejected) {
                String view = viewThatMayLag(rejected);
                if (view == null) {
                    throw toApi(rejected);
                }
                if (!caughtUp.add(view)) {
                    if (!view.equals(ServiceCatalog.NAME) || !servicePending(request) || System.nanoTime() > deadline) {
                        throw toApi(rejected);
                    }
                    pause(); // a service just created is Pending until network-service confirms its load balancers
                }
                eventRuntime.awaitCaughtUp(view);
            }
        }
    }

    private boolean servicePending(EndpointRequest request) {
        return transactions.inTransaction(c -> catalog.findByName(c, request.serviceName())
                .map(offer -> EndpointServiceOffer.PENDING.equals(offer.serviceState())).orElse(false));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Asks for the endpoint's deletion; an endpoint already being deleted is answered as it is. */
    public VpcEndpoint delete(AccountId caller, String vpcEndpointId) {
        try {
            return transactions.inTransaction(c -> execute(c, vpcEndpointId,
                    new DeleteEndpoint(vpcEndpointId, caller), EventMetadata.forRequest(caller.value())));
        } catch (EndpointRejected rejected) {
            throw toApi(rejected);
        }
    }

    /**
     * Applies another service's event to the endpoint, on the subscription's connection. Events for endpoints this
     * service does not have are ignored.
     */
    public void react(Connection c, String vpcEndpointId, EndpointCommand command, EventEnvelope cause)
            throws SQLException {
        if (store.version(c, vpcEndpointId) > 0) {
            execute(c, vpcEndpointId, command, EventMetadata.causedBy(cause));
        }
    }

    private VpcEndpoint execute(Connection c, String vpcEndpointId, EndpointCommand command, EventMetadata metadata)
            throws SQLException {
        List<EventEnvelope> history = store.load(c, vpcEndpointId);
        VpcEndpoint endpoint = VpcEndpoint.from(history);
        List<ConsumerEvent> events = VpcEndpointDecider.decide(command, endpoint);
        long version = history.isEmpty() ? 0 : history.getLast().version();
        List<EventEnvelope> recorded = store.append(c, version, metadata, events);
        for (EventEnvelope envelope : recorded) {
            endpoint = VpcEndpoint.evolve(endpoint, (ConsumerEvent) envelope.event(), envelope.time());
        }
        return endpoint;
    }

    private static String viewThatMayLag(EndpointRejected rejected) {
        return switch (rejected.code()) {
            case VpcEndpointDecider.INVALID_SERVICE_NAME -> ServiceCatalog.NAME;
            case VpcEndpointDecider.VPC_NOT_FOUND, VpcEndpointDecider.SUBNET_NOT_FOUND -> NetworkView.NAME;
            default -> null;
        };
    }

    private static ApiException toApi(EndpointRejected rejected) {
        int status = rejected.kind() == EndpointRejected.Kind.NOT_FOUND ? 404 : 400;
        return new ApiException(status, rejected.code(), rejected.field(), rejected.getMessage());
    }
}

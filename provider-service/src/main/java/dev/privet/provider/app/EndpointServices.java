package dev.privet.provider.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.ProviderEvent;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;
import dev.privet.contracts.ids.ServiceName;
import dev.privet.eventstore.ConcurrencyConflictException;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.Transactions;
import dev.privet.provider.domain.EndpointService;
import dev.privet.provider.domain.EndpointServiceCommand;
import dev.privet.provider.domain.EndpointServiceCommand.CreateEndpointService;
import dev.privet.provider.domain.EndpointServiceCommand.ModifyPermissions;
import dev.privet.provider.domain.EndpointServiceDecider;
import dev.privet.provider.domain.EndpointServiceRejected;
import dev.privet.runtime.ApiException;
import dev.privet.runtime.PrivetConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs commands on endpoint services: load the service's stream, decide, append, in one transaction. Owners' commands
 * come from the API; reactions run on the connection of the subscription that delivered the causing event.
 */
@ApplicationScoped
public class EndpointServices {
    /** An owner's command that lost a race with a reaction on the same stream is decided again, a few times. */
    private static final int ATTEMPTS = 3;

    private final Transactions transactions;
    private final EventStore store;
    private final Region region;

    EndpointServices(Transactions transactions, EventStore store, PrivetConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.region = new Region(config.region());
    }

    /** Creates a service owned by {@code owner}; it starts Pending until network-service confirms its load balancers. */
    public EndpointService create(AccountId owner, List<String> networkLoadBalancerArns, boolean acceptanceRequired) {
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();
        var command = new CreateEndpointService(serviceId, new ServiceName(region, serviceId).value(), owner.value(),
                region.name(), networkLoadBalancerArns, acceptanceRequired);
        return onRequest(owner, serviceId, command);
    }

    /** Adds and removes allowed principals of a service {@code owner} owns. */
    public EndpointService modifyPermissions(AccountId owner, String serviceId, List<String> add, List<String> remove) {
        return onRequest(owner, serviceId, new ModifyPermissions(owner.value(), add, remove));
    }

    /**
     * Applies a command another service's event caused, on the subscription's connection.
     *
     * @throws EndpointServiceRejected when the command does not apply to the service as it is
     */
    public void react(Connection connection, String serviceId, EndpointServiceCommand command, EventEnvelope cause)
            throws SQLException {
        decideAndAppend(connection, serviceId, command, EventMetadata.causedBy(cause));
    }

    private EndpointService onRequest(AccountId caller, String serviceId, EndpointServiceCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(c ->
                        decideAndAppend(c, serviceId, command, EventMetadata.forRequest(caller.value())))
                        .orElseThrow();
            } catch (ConcurrencyConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (EndpointServiceRejected e) {
                throw toApiException(e);
            }
        }
    }

    /** The service after the command; empty when it does not exist and the command did not create it. */
    private Optional<EndpointService> decideAndAppend(Connection c, String serviceId, EndpointServiceCommand command,
                                            EventMetadata metadata) throws SQLException {
        List<EventEnvelope> history = store.load(c, serviceId);
        var current = EndpointService.from(history);
        List<ProviderEvent> events = EndpointServiceDecider.decide(command, current);
        long version = history.isEmpty() ? 0 : history.getLast().version();
        List<EventEnvelope> all = new ArrayList<>(history);
        all.addAll(store.append(c, version, metadata, events));
        return EndpointService.from(all);
    }

    private static ApiException toApiException(EndpointServiceRejected e) {
        int status = e.isNotFound() ? 404 : 400;
        return new ApiException(status, e.code(), e.field(), e.getMessage());
    }
}

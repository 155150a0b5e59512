package dev.privet.provider.app;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;
import dev.privet.contracts.ids.Requester;
import dev.privet.contracts.ids.ServiceName;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.provider.domain.EndpointService;
import dev.privet.provider.domain.EndpointServiceCommand;
import dev.privet.provider.domain.EndpointServiceCommand.AcceptConnections;
import dev.privet.provider.domain.EndpointServiceCommand.ChangeAcceptance;
import dev.privet.provider.domain.EndpointServiceCommand.CreateEndpointService;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteService;
import dev.privet.provider.domain.EndpointServiceCommand.ModifyPermissions;
import dev.privet.provider.domain.EndpointServiceCommand.RejectConnections;
import dev.privet.provider.domain.EndpointServiceDecider;
import dev.privet.provider.domain.EndpointServiceState;
import dev.privet.provider.domain.UnsuccessfulConnection;
import dev.privet.provider.messaging.EndpointConnectionReaction;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.PrivetConfig;
import dev.privet.runtime.tags.TaggedResource;
import dev.privet.contracts.events.Values.Tag;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The use cases of endpoint services. An owner's request runs through the {@link CommandRunner} (its own
 * transaction, conflicts decided again, answered once published); a reaction to another service's event runs on the
 * connection of the subscription that delivered it, so its events and the applied marker commit together.
 */
@ApplicationScoped
public class EndpointServices {
    private static final EndpointServiceDecider DECIDER = new EndpointServiceDecider();

    private final CommandRunner commands;
    private final DeciderRunner reactions;
    private final ProviderTags tags;
    private final EventRuntime runtime;
    private final Region region;

    EndpointServices(CommandRunner commands, DeciderRunner reactions, ProviderTags tags, EventRuntime runtime,
                     PrivetConfig config) {
        this.commands = commands;
        this.reactions = reactions;
        this.tags = tags;
        this.runtime = runtime;
        this.region = new Region(config.region());
    }

    /**
     * Creates a service owned by {@code owner}, Pending until network-service has checked its load balancers; a
     * retry with the same key returns the service the first request created.
     */
    public EndpointService create(Requester owner, Optional<IdempotencyKey> key, List<String> networkLoadBalancerArns,
                                  boolean acceptanceRequired, List<Tag> tags) {
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();
        var command = new CreateEndpointService(serviceId, new ServiceName(region, serviceId).value(),
                owner.accountId(), region.name(), networkLoadBalancerArns, acceptanceRequired);
        EventMetadata metadata = EventMetadata.forRequest(owner.principalArn());
        return created(commands.create(key, serviceId, c -> {
            EndpointServiceState state = reactions.run(c, serviceId, command, DECIDER, metadata).state();
            this.tags.tagNew(c, new TaggedResource(serviceId, IdFormat.ENDPOINT_SERVICE.resourceType(),
                    owner.accountId()), tags, metadata);
            return state;
        }, (c, id) -> reactions.load(c, id, DECIDER).state()));
    }

    /** Adds and removes allowed principals of a service {@code owner} owns. */
    public EndpointService modifyPermissions(Requester owner, String serviceId, List<String> add, List<String> remove) {
        return created(commands.execute(serviceId, new ModifyPermissions(owner.accountId(), add, remove), DECIDER,
                EventMetadata.forRequest(owner.principalArn())));
    }

    /** Changes whether new connections to a service {@code owner} owns wait for acceptance; returns the service. */
    public EndpointService changeAcceptance(Requester owner, String serviceId, boolean acceptanceRequired) {
        return created(commands.execute(serviceId, new ChangeAcceptance(owner.accountId(), acceptanceRequired), DECIDER,
                EventMetadata.forRequest(owner.principalArn())));
    }

    /**
     * Deletes a service {@code owner} owns, unless endpoints are connected to it or wait for acceptance. Those
     * connections end with consumer-service's events, so a refusal is confirmed first, as a miss is (DESIGN rule
     * 10): the connections subscription catches up with everything published so far (an endpoint deleted just
     * before this request), and the deletion is decided again.
     */
    public void delete(Requester owner, String serviceId) {
        var command = new DeleteService(owner.accountId());
        EventMetadata metadata = EventMetadata.forRequest(owner.principalArn());
        try {
            commands.execute(serviceId, command, DECIDER, metadata);
        } catch (Rejection refused) {
            if (refused.code() != ErrorCode.EXISTING_VPC_ENDPOINT_CONNECTIONS) {
                throw refused;
            }
            runtime.catchUp(EndpointConnectionReaction.NAME);
            commands.execute(serviceId, command, DECIDER, metadata);
        }
    }

    /**
     * Accepts the endpoints named that wait for acceptance on a service {@code owner} owns; returns the others,
     * with why. Accepted ones count as accepted, so a retry answers as the first request did.
     */
    public List<UnsuccessfulConnection> acceptConnections(Requester owner, String serviceId, List<String> endpointIds) {
        return decideConnections(owner, serviceId, new AcceptConnections(owner.accountId(), endpointIds),
                service -> service.notAccepted(endpointIds));
    }

    /**
     * Rejects the endpoints named that wait for acceptance or are accepted, on a service {@code owner} owns, with
     * the reason given (or none); returns the others, with why. consumer-service then takes their names and
     * interfaces down.
     */
    public List<UnsuccessfulConnection> rejectConnections(Requester owner, String serviceId, List<String> endpointIds,
                                                          String reason) {
        return decideConnections(owner, serviceId, new RejectConnections(owner.accountId(), endpointIds, reason),
                service -> service.notRejected(endpointIds));
    }

    /**
     * An endpoint created a moment ago may not have reached this service yet: an id it does not know is confirmed
     * as DESIGN rule 10 confirms a miss, by catching the connections subscription up with everything published so
     * far and deciding again.
     */
    private List<UnsuccessfulConnection> decideConnections(
            Requester owner, String serviceId, EndpointServiceCommand command,
            Function<EndpointService, List<UnsuccessfulConnection>> left) {
        EventMetadata metadata = EventMetadata.forRequest(owner.principalArn());
        List<UnsuccessfulConnection> unsuccessful = left.apply(created(commands.execute(serviceId, command, DECIDER,
                metadata)));
        if (unsuccessful.stream().noneMatch(u -> u.code() == ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND)) {
            return unsuccessful;
        }
        runtime.catchUp(EndpointConnectionReaction.NAME);
        return left.apply(created(commands.execute(serviceId, command, DECIDER, metadata)));
    }

    /** Applies a command another service's event caused, on the subscription's connection; returns the state after. */
    public EndpointServiceState react(Connection c, String serviceId, EndpointServiceCommand command,
                                      EventEnvelope cause) throws SQLException {
        return reactions.run(c, serviceId, command, DECIDER, EventMetadata.causedBy(cause)).state();
    }

    /**
     * An owner's command either leaves a service or is refused: the decider rejects commands on no service. (A
     * create retried with its key after the service was deleted answers it as it is: Deleted.)
     */
    private static EndpointService created(EndpointServiceState state) {
        return switch (state) {
            case EndpointService service -> service;
            case EndpointServiceState.NotCreated n -> throw new IllegalStateException("the command left no service");
        };
    }
}

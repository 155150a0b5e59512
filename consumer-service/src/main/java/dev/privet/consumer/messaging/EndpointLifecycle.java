package dev.privet.consumer.messaging;

import dev.privet.consumer.app.VpcEndpointCommands;
import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.AwaitAcceptance;
import dev.privet.consumer.domain.EndpointCommand.DropRouteTable;
import dev.privet.consumer.domain.EndpointCommand.FailModification;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.ProvideRoutes;
import dev.privet.consumer.domain.EndpointCommand.PublishDns;
import dev.privet.consumer.domain.EndpointCommand.RejectConnection;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointRouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModified;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesProvisioned;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRequested;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.runtime.EventConsumer;
import dev.privet.runtime.EventRuntime;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Moves endpoints along their lifecycle as the other services report: the provider holds, accepts or rejects the
 * connection, the names are published (available, also after a change of subnets), a Gateway endpoint's routes
 * are in place (available), the network failed or could not
 * make a change of subnets, or the network was released.
 */
@ApplicationScoped
public class EndpointLifecycle implements EventConsumer {
    public static final String NAME = "endpoint-lifecycle";

    private final EventRuntime runtime;
    private final VpcEndpointCommands commands;

    EndpointLifecycle(VpcEndpointCommands commands, EventRuntime runtime) {
        this.runtime = runtime;
        this.commands = commands;
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
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case EndpointConnectionRequested e -> commands.react(c, e.vpcEndpointId(), new AwaitAcceptance(), envelope);
            case EndpointConnectionAccepted e -> commands.react(c, e.vpcEndpointId(), new AcceptConnection(), envelope);
            case EndpointConnectionRejected e ->
                    commands.react(c, e.vpcEndpointId(), new RejectConnection(e.reason()), envelope);
            case EndpointDnsPublished e -> commands.react(c, e.vpcEndpointId(), new PublishDns(
                    e.networkInterfaces().stream().map(EndpointInterface::networkInterfaceId).toList(),
                    e.dnsEntries()), envelope);
            case EndpointRoutesProvisioned e -> commands.react(c, e.vpcEndpointId(), new ProvideRoutes(), envelope);
            case EndpointNetworkFailed e -> commands.react(c, e.vpcEndpointId(), new FailNetwork(e.reason()), envelope);
            case EndpointNetworkModificationFailed e -> commands.react(c, e.vpcEndpointId(),
                    new FailModification(e.reason(), e.subnetIds(), List.of()), envelope);
            case EndpointRoutesModified e -> commands.react(c, e.vpcEndpointId(), new ProvideRoutes(), envelope);
            case EndpointRouteTableDeleted e ->
                    commands.react(c, e.vpcEndpointId(), new DropRouteTable(e.routeTableId()), envelope);
            case EndpointRoutesModificationFailed e -> commands.react(c, e.vpcEndpointId(),
                    new FailModification(e.reason(), List.of(), e.routeTableIds()), envelope);
            case EndpointNetworkReleased e -> commands.react(c, e.vpcEndpointId(), new ReleaseNetwork(), envelope);
            default -> { } // the rest of those topics does not move an endpoint
        }
    }
}

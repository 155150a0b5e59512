package dev.privet.consumer.messaging;

import dev.privet.consumer.app.VpcEndpointCommands;
import dev.privet.consumer.domain.EndpointCommand.AcceptConnection;
import dev.privet.consumer.domain.EndpointCommand.FailNetwork;
import dev.privet.consumer.domain.EndpointCommand.PublishDns;
import dev.privet.consumer.domain.EndpointCommand.RejectConnection;
import dev.privet.consumer.domain.EndpointCommand.ReleaseNetwork;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.Topic;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Moves endpoints along their lifecycle as the other services report: the provider accepted the connection, the
 * names are published (available), the network failed, or the network was released after a deletion.
 */
@ApplicationScoped
public class EndpointLifecycle implements EventConsumer {
    private final VpcEndpointCommands commands;

    EndpointLifecycle(VpcEndpointCommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "endpoint-lifecycle";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.PROVIDER, Topic.DNS, Topic.NETWORK);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case EndpointConnectionAccepted e -> commands.react(c, e.vpcEndpointId(), new AcceptConnection(), envelope);
            case EndpointConnectionRejected e ->
                    commands.react(c, e.vpcEndpointId(), new RejectConnection(e.reason()), envelope);
            case EndpointDnsPublished e -> commands.react(c, e.vpcEndpointId(), new PublishDns(
                    e.networkInterfaces().stream().map(EndpointInterface::networkInterfaceId).toList(),
                    e.dnsEntries()), envelope);
            case EndpointNetworkFailed e -> commands.react(c, e.vpcEndpointId(), new FailNetwork(e.reason()), envelope);
            case EndpointNetworkReleased e -> commands.react(c, e.vpcEndpointId(), new ReleaseNetwork(), envelope);
            default -> { } // the rest of those topics does not move an endpoint
        }
    }
}

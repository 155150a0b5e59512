package dev.privet.dns.messaging;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.Topic;
import dev.privet.dns.app.EndpointDnsCommands;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** When an endpoint's interfaces are ready, its names are published (unless its DNS already exists or was removed). */
@ApplicationScoped
public class NetworkProvisionedReaction implements EventConsumer {
    private final EndpointDnsCommands commands;

    NetworkProvisionedReaction(EndpointDnsCommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "publish-names";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.NETWORK);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        if (envelope.event() instanceof EndpointNetworkProvisioned provisioned) {
            commands.publishNames(c, envelope, provisioned);
        }
    }
}

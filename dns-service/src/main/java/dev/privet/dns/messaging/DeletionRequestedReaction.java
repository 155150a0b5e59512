package dev.privet.dns.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Topic;
import dev.privet.dns.app.EndpointDnsCommands;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** When an endpoint is being deleted, its names are removed, even if they were never published. */
@ApplicationScoped
public class DeletionRequestedReaction implements EventConsumer {
    private final EndpointDnsCommands commands;

    DeletionRequestedReaction(EndpointDnsCommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "remove-names";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.CONSUMER);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        if (envelope.event() instanceof VpcEndpointDeletionRequested deletion) {
            commands.removeNames(c, envelope, deletion);
        }
    }
}

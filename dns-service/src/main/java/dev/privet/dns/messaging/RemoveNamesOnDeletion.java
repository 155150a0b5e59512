package dev.privet.dns.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.Topic;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.privet.dns.domain.EndpointDnsDecider.DECIDER;

/**
 * When an endpoint is being deleted, its names are removed, even if they were never published (topics are not
 * ordered with respect to each other). The removal and the deletion of its records commit together with this
 * reaction's applied marker: once {@code EndpointDnsRemoved} is on Kafka, the DNS server no longer answers the names.
 */
@ApplicationScoped
public class RemoveNamesOnDeletion implements EventConsumer {
    private static final Logger LOG = Logger.getLogger(RemoveNamesOnDeletion.class);

    private final DeciderRunner deciders;

    RemoveNamesOnDeletion(DeciderRunner deciders) {
        this.deciders = deciders;
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
        if (!(envelope.event() instanceof VpcEndpointDeletionRequested deletion)) {
            return;
        }
        var remove = new RemoveNames(deletion.vpcEndpointId(), deletion.serviceId());
        var decided = deciders.run(c, deletion.vpcEndpointId(), remove, DECIDER, EventMetadata.causedBy(envelope));
        ReactionLog.log(LOG, deletion.vpcEndpointId(), "deletion request", decided);
    }
}

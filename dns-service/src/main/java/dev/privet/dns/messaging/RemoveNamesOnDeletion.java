package dev.privet.dns.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.dns.domain.EndpointDnsCommand.RemoveNames;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.runtime.EventConsumer;
import dev.privet.runtime.EventRuntime;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

import static dev.privet.dns.domain.EndpointDnsDecider.DECIDER;

/**
 * When an endpoint is being deleted, its names are removed, even if they were never published (topics are not
 * ordered with respect to each other). The removal and the deletion of its records commit together with this
 * reaction's applied marker: once {@code EndpointDnsRemoved} is on Kafka, the DNS server no longer answers the names.
 */
@ApplicationScoped
public class RemoveNamesOnDeletion implements EventConsumer {
    public static final String NAME = "remove-names";

    private static final Logger LOG = Logger.getLogger(RemoveNamesOnDeletion.class);

    private final EventRuntime runtime;
    private final DeciderRunner deciders;

    RemoveNamesOnDeletion(DeciderRunner deciders, EventRuntime runtime) {
        this.runtime = runtime;
        this.deciders = deciders;
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
        if (!(envelope.event() instanceof VpcEndpointDeletionRequested deletion)) {
            return;
        }
        var remove = new RemoveNames(deletion.vpcEndpointId(), deletion.serviceId());
        var decided = deciders.run(c, deletion.vpcEndpointId(), remove, DECIDER, EventMetadata.causedBy(envelope));
        ReactionLog.log(LOG, deletion.vpcEndpointId(), "deletion request", decided);
    }
}

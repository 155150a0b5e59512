package dev.privet.dns.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRejected;
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
 * When an endpoint is being deleted, or its provider rejected it, its names are removed, even if they were never
 * published (topics are not ordered with respect to each other); network-service then releases its interfaces. The
 * removal and the deletion of its records commit together with this reaction's applied marker: once
 * {@code EndpointDnsRemoved} is on Kafka, the DNS server no longer answers the names.
 */
@ApplicationScoped
public class RemoveNamesOnTeardown implements EventConsumer {
    public static final String NAME = "remove-names";

    private static final Logger LOG = Logger.getLogger(RemoveNamesOnTeardown.class);

    private final EventRuntime runtime;
    private final DeciderRunner deciders;

    RemoveNamesOnTeardown(DeciderRunner deciders, EventRuntime runtime) {
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
        String vpcEndpointId;
        String serviceId;
        String cause;
        switch (envelope.event()) {
            case VpcEndpointDeletionRequested deletion -> {
                vpcEndpointId = deletion.vpcEndpointId();
                serviceId = deletion.serviceId();
                cause = "deletion request";
            }
            // A rejection recorded before rejections took anything down names no service: nothing to do for it.
            case VpcEndpointRejected rejection when rejection.serviceId() != null -> {
                vpcEndpointId = rejection.vpcEndpointId();
                serviceId = rejection.serviceId();
                cause = "rejection";
            }
            default -> {
                return;
            }
        }
        var decided = deciders.run(c, vpcEndpointId, new RemoveNames(vpcEndpointId, serviceId), DECIDER,
                EventMetadata.causedBy(envelope));
        ReactionLog.log(LOG, vpcEndpointId, cause, decided);
    }
}

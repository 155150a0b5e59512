package dev.privet.provider.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.ids.PrincipalArn;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.provider.app.EndpointServices;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteConnection;
import dev.privet.provider.domain.EndpointServiceCommand.RequestConnection;
import dev.privet.provider.domain.EndpointServiceState;
import dev.privet.runtime.EventConsumer;
import dev.privet.runtime.EventRuntime;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connects consumers' endpoints to services: a requested endpoint is accepted at once, waits for the provider's
 * acceptance, or is refused with the reason; a deleted endpoint's connection is closed.
 */
@ApplicationScoped
public class EndpointConnectionReaction implements EventConsumer {
    public static final String NAME = "endpoint-connections";

    private static final Logger LOG = Logger.getLogger(EndpointConnectionReaction.class);

    private final EventRuntime runtime;
    private final EndpointServices services;

    EndpointConnectionReaction(EndpointServices services, EventRuntime runtime) {
        this.runtime = runtime;
        this.services = services;
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
            case VpcEndpointRequested e when e.isGateway() -> {
                // a Gateway endpoint is to one of AWS's own services: no provider holds a connection for it
            }
            case VpcEndpointRequested e -> {
                var after = services.react(c, e.serviceId(),
                        new RequestConnection(e.vpcEndpointId(), e.ownerId(),
                                PrincipalArn.actingFor(e.ownerId(), e.requesterArn()), e.vpcId(),
                                e.subnetIds()), envelope);
                if (after instanceof EndpointServiceState.NotCreated) {
                    // consumer-service checked its catalog first; there is no stream here to record a refusal on
                    LOG.warnf("endpoint %s names service %s, which this provider never had: ignored",
                            e.vpcEndpointId(), e.serviceId());
                }
            }
            case VpcEndpointDeletionRequested e ->
                    services.react(c, e.serviceId(), new DeleteConnection(e.vpcEndpointId()), envelope);
            default -> {
                // the rest of consumer-service's events need nothing from the provider
            }
        }
    }
}

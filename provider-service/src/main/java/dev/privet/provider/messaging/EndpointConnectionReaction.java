package dev.privet.provider.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointDeletionRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Topic;
import dev.privet.provider.app.EndpointServices;
import dev.privet.provider.domain.EndpointServiceCommand.DeleteConnection;
import dev.privet.provider.domain.EndpointServiceCommand.RequestConnection;
import dev.privet.provider.domain.EndpointServiceState;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Connects consumers' endpoints to services: a requested endpoint is accepted at once, waits for the provider's
 * acceptance, or is refused with the reason; a deleted endpoint's connection is closed.
 */
@ApplicationScoped
public class EndpointConnectionReaction implements EventConsumer {
    private static final Logger LOG = Logger.getLogger(EndpointConnectionReaction.class);

    private final EndpointServices services;

    EndpointConnectionReaction(EndpointServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "endpoint-connections";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.CONSUMER);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case VpcEndpointRequested e -> {
                var after = services.react(c, e.serviceId(),
                        new RequestConnection(e.vpcEndpointId(), e.ownerId(), e.vpcId(), e.subnetIds()), envelope);
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

package dev.privet.provider.messaging;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.Topic;
import dev.privet.provider.app.EndpointServices;
import dev.privet.provider.domain.EndpointServiceCommand.ConfirmLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.RefuseLoadBalancers;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Makes a Pending service Available or Failed once network-service has checked its load balancers. */
@ApplicationScoped
public class LoadBalancerVerificationReaction implements EventConsumer {
    private final EndpointServices services;

    LoadBalancerVerificationReaction(EndpointServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "load-balancer-verification";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.NETWORK);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case ServiceLoadBalancersVerified e -> services.react(c, e.serviceId(), new ConfirmLoadBalancers(), envelope);
            case ServiceLoadBalancersRejected e ->
                    services.react(c, e.serviceId(), new RefuseLoadBalancers(e.reason()), envelope);
            default -> {
                // the rest of network-service's events are not about endpoint services
            }
        }
    }
}

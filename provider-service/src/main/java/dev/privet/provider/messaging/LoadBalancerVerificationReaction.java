package dev.privet.provider.messaging;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.provider.app.EndpointServices;
import dev.privet.provider.domain.EndpointServiceCommand.ConfirmLoadBalancers;
import dev.privet.provider.domain.EndpointServiceCommand.RefuseLoadBalancers;
import dev.privet.runtime.EventConsumer;
import dev.privet.runtime.EventRuntime;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;

/** Makes a Pending service Available or Failed once network-service has checked its load balancers. */
@ApplicationScoped
public class LoadBalancerVerificationReaction implements EventConsumer {
    public static final String NAME = "load-balancer-verification";

    private final EventRuntime runtime;
    private final EndpointServices services;

    LoadBalancerVerificationReaction(EndpointServices services, EventRuntime runtime) {
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
            case ServiceLoadBalancersVerified e -> services.react(c, e.serviceId(), new ConfirmLoadBalancers(), envelope);
            case ServiceLoadBalancersRejected e ->
                    services.react(c, e.serviceId(), new RefuseLoadBalancers(e.reason()), envelope);
            default -> {
                // the rest of network-service's events are not about endpoint services
            }
        }
    }
}

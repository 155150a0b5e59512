package dev.privet.network.messaging;

import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.network.app.EndpointNetworking;
import dev.privet.network.app.ServiceBindings;
import dev.privet.runtime.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What network-service does when others act: verify a new service's load balancers, build an accepted endpoint's
 * interfaces, and release them once its DNS names are gone (deletion runs the chain backwards).
 */
@ApplicationScoped
public class NetworkReactions implements EventConsumer {
    private final ServiceBindings bindings;
    private final EndpointNetworking networking;

    NetworkReactions(ServiceBindings bindings, EndpointNetworking networking) {
        this.bindings = bindings;
        this.networking = networking;
    }

    @Override
    public String name() {
        return "reactions";
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.PROVIDER, Topic.DNS);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case EndpointServiceCreated created -> bindings.verify(c, created, envelope);
            case EndpointConnectionAccepted accepted -> networking.provision(c, accepted, envelope);
            case EndpointDnsRemoved removed -> networking.release(c, removed.vpcEndpointId(), removed.serviceId(), envelope);
            default -> { } // other events of these topics need nothing from the network
        }
    }
}

package dev.privet.network.messaging;

import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTablesChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.network.app.EndpointNetworking;
import dev.privet.network.app.ServiceBindings;
import dev.privet.runtime.EventConsumer;
import dev.privet.runtime.EventRuntime;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What network-service does when others act: verify a new service's load balancers and release them once it is
 * deleted, build an accepted endpoint's interfaces (or a Gateway endpoint's routes, at its request: there is no
 * provider to accept it; an Interface endpoint's wait for its security groups too), and release them once its DNS names are gone (deletion runs the chain backwards; dns-service
 * reports a Gateway endpoint's names gone too, though it never had any). A change of an endpoint's subnets builds the new interfaces at once and deletes the removed
 * ones once its names were published again without them.
 */
@ApplicationScoped
public class NetworkReactions implements EventConsumer {
    public static final String NAME = "reactions";

    private final EventRuntime runtime;
    private final ServiceBindings bindings;
    private final EndpointNetworking networking;

    NetworkReactions(ServiceBindings bindings, EndpointNetworking networking, EventRuntime runtime) {
        this.runtime = runtime;
        this.bindings = bindings;
        this.networking = networking;
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
            case EndpointServiceCreated created -> bindings.verify(c, created, envelope);
            case EndpointServiceDeleted deleted -> bindings.release(c, deleted, envelope);
            case EndpointConnectionAccepted accepted -> networking.provision(c, accepted, envelope);
            case VpcEndpointRequested requested when requested.isGateway() -> networking.route(c, requested, envelope);
            case VpcEndpointSecurityGroupsChanged changed -> networking.applyGroups(c, changed, envelope);
            case VpcEndpointSubnetsChanged changed -> networking.modify(c, changed, envelope);
            case VpcEndpointRouteTablesChanged changed -> networking.reroute(c, changed, envelope);
            case EndpointDnsPublished published -> networking.retire(c, published, envelope);
            case EndpointDnsRemoved removed -> networking.release(c, removed.vpcEndpointId(), removed.serviceId(), envelope);
            default -> { } // other events of these topics need nothing from the network
        }
    }
}

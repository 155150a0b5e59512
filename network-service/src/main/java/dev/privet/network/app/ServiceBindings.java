package dev.privet.network.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.eventstore.EventStore;
import dev.privet.network.domain.LoadBalancerRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Confirms, or refuses, the load balancers a new endpoint service names. */
@ApplicationScoped
public class ServiceBindings {
    private final EventStore store;

    ServiceBindings(EventStore store) {
        this.store = store;
    }

    public void verify(Connection c, EndpointServiceCreated service, EventEnvelope cause) throws SQLException {
        if (store.version(c, service.serviceId()) > 0) {
            return; // already decided
        }
        Map<String, LoadBalancerCreated> found = new HashMap<>();
        for (String arn : service.networkLoadBalancerArns()) {
            List<EventEnvelope> history = store.load(c, arn);
            if (!history.isEmpty() && history.getFirst().event() instanceof LoadBalancerCreated lb) {
                found.put(arn, lb);
            }
        }
        store.append(c, 0, EventMetadata.causedBy(cause), List.of(LoadBalancerRules.verifyForService(
                service.serviceId(), service.ownerId(), service.networkLoadBalancerArns(), found)));
    }
}

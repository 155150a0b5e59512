package dev.privet.network.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.domain.LoadBalancer;
import dev.privet.network.domain.ServiceBinding;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Confirms, or refuses, the load balancers a new endpoint service names. */
@ApplicationScoped
public class ServiceBindings {
    private final DeciderRunner deciders;

    ServiceBindings(DeciderRunner deciders) {
        this.deciders = deciders;
    }

    public void verify(Connection c, EndpointServiceCreated service, EventEnvelope cause) throws SQLException {
        Map<String, LoadBalancerCreated> found = new HashMap<>();
        for (String arn : service.networkLoadBalancerArns()) {
            if (deciders.load(c, arn, LoadBalancer.DECIDER).state() instanceof LoadBalancer.Created lb) {
                found.put(arn, lb.loadBalancer());
            }
        }
        deciders.run(c, service.serviceId(), new ServiceBinding.VerifyLoadBalancers(service.serviceId(),
                service.ownerId(), service.networkLoadBalancerArns(), found), ServiceBinding.DECIDER,
                EventMetadata.causedBy(cause));
    }
}

package dev.privet.network.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.domain.LoadBalancer;
import dev.privet.network.domain.ServiceBinding;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Confirms, or refuses, the load balancers a new endpoint service names, and releases them once the service is
 * deleted, so that they can be deleted in turn.
 */
@ApplicationScoped
public class ServiceBindings {
    private final DeciderRunner deciders;
    private final CrossStreamChecks checks;

    ServiceBindings(DeciderRunner deciders, CrossStreamChecks checks) {
        this.deciders = deciders;
        this.checks = checks;
    }

    public void verify(Connection c, EndpointServiceCreated service, EventEnvelope cause) throws SQLException {
        // A deletion of one of them waits for this verdict, or this sees it deleted; in ARN order, so two
        // verifications of services sharing load balancers cannot wait for each other.
        for (String arn : new TreeSet<>(service.networkLoadBalancerArns())) {
            checks.lockLoadBalancerUse(c, arn);
        }
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

    /**
     * Releases the deleted service's load balancers; a redelivered deletion changes nothing. Under the same use locks,
     * in the same order, as a verification and a deletion of one of them: a load balancer's deletion waits for the
     * release, or sees it.
     */
    public void release(Connection c, EndpointServiceDeleted service, EventEnvelope cause) throws SQLException {
        for (String arn : new TreeSet<>(service.networkLoadBalancerArns())) {
            checks.lockLoadBalancerUse(c, arn);
        }
        deciders.run(c, service.serviceId(), new ServiceBinding.ReleaseLoadBalancers(service.serviceId()),
                ServiceBinding.DECIDER, EventMetadata.causedBy(cause));
    }
}

package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.NetworkEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What makes a load balancer usable behind an endpoint service. */
public final class LoadBalancerRules {
    private LoadBalancerRules() {
    }

    /**
     * The verdict on an endpoint service's load balancers: each must exist, be a network load balancer, and belong
     * to the service's owner.
     *
     * @param found the load balancers that exist, by ARN
     */
    public static NetworkEvent verifyForService(String serviceId, String serviceOwner, List<String> arns,
                                                Map<String, LoadBalancerCreated> found) {
        for (String arn : arns) {
            Optional<LoadBalancerCreated> lb = Optional.ofNullable(found.get(arn));
            if (lb.isEmpty() || !lb.get().ownerId().equals(serviceOwner)) {
                return new ServiceLoadBalancersRejected(serviceId, "load balancer " + arn + " does not exist");
            }
            if (!"network".equals(lb.get().type())) {
                return new ServiceLoadBalancersRejected(serviceId, "load balancer " + arn + " is not a network load balancer");
            }
        }
        return new ServiceLoadBalancersVerified(serviceId, List.copyOf(arns));
    }
}

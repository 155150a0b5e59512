package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Network-service's verdict on an endpoint service's load balancers, a stream keyed by the service id: not checked
 * yet, or decided once for good (a redelivered creation changes nothing).
 */
public sealed interface ServiceBinding {

    record Unchecked() implements ServiceBinding {
    }

    record Decided(NetworkEvent verdict) implements ServiceBinding {
    }

    /** Check the service's load balancers; {@code found} holds those that exist, by ARN. */
    record VerifyLoadBalancers(String serviceId, String serviceOwner, List<String> arns,
                               Map<String, LoadBalancerCreated> found) {
    }

    Decider<VerifyLoadBalancers, ServiceBinding, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public ServiceBinding initialState() {
            return new Unchecked();
        }

        @Override
        public List<NetworkEvent> decide(VerifyLoadBalancers verify, ServiceBinding state) {
            return switch (state) {
                case Unchecked u -> List.of(LoadBalancerRules.verifyForService(verify.serviceId(),
                        verify.serviceOwner(), verify.arns(), verify.found()));
                case Decided d -> List.of();
            };
        }

        @Override
        public ServiceBinding evolve(ServiceBinding state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case ServiceLoadBalancersVerified v -> new Decided(v);
                case ServiceLoadBalancersRejected r -> new Decided(r);
                default -> throw new IllegalStateException("not an event of a service binding: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(ServiceBinding state) {
            return state instanceof Decided;
        }
    };
}

package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersRejected;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersReleased;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Network-service's verdict on an endpoint service's load balancers, a stream keyed by the service id: not checked
 * yet, decided once for good (a redelivered creation changes nothing), or released once the service is deleted.
 * Verified load balancers are in use by the service until then; released is final.
 */
public sealed interface ServiceBinding {

    record Unchecked() implements ServiceBinding {
    }

    record Decided(NetworkEvent verdict) implements ServiceBinding {
    }

    /** The service was deleted: it holds no load balancer, and a late creation verifies nothing. */
    record Released() implements ServiceBinding {
    }

    /** What a service binding is asked, by provider-service's events. */
    sealed interface Command {
    }

    /** Check the service's load balancers; {@code found} holds those that exist, by ARN. */
    record VerifyLoadBalancers(String serviceId, String serviceOwner, List<String> arns,
                               Map<String, LoadBalancerCreated> found) implements Command {
    }

    /** The service was deleted: whatever it was verified on is free. */
    record ReleaseLoadBalancers(String serviceId) implements Command {
    }

    Decider<Command, ServiceBinding, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public ServiceBinding initialState() {
            return new Unchecked();
        }

        @Override
        public List<NetworkEvent> decide(Command command, ServiceBinding state) {
            return switch (command) {
                case VerifyLoadBalancers verify -> switch (state) {
                    case Unchecked u -> List.of(LoadBalancerRules.verifyForService(verify.serviceId(),
                            verify.serviceOwner(), verify.arns(), verify.found()));
                    case Decided d -> List.of();
                    case Released r -> List.of(); // the creation arrived after the deletion: nothing to hold
                };
                case ReleaseLoadBalancers release -> switch (state) {
                    // A deletion before its creation was seen (not yet seen is normal): recorded, so that a late
                    // creation is not verified.
                    case Unchecked u -> List.of(new ServiceLoadBalancersReleased(release.serviceId(), List.of()));
                    case Decided(ServiceLoadBalancersVerified verified) -> List.of(new ServiceLoadBalancersReleased(
                            release.serviceId(), verified.loadBalancerArns()));
                    case Decided d -> List.of(); // rejected load balancers were never held
                    case Released r -> List.of(); // a redelivered deletion
                };
            };
        }

        @Override
        public ServiceBinding evolve(ServiceBinding state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case ServiceLoadBalancersVerified v -> new Decided(v);
                case ServiceLoadBalancersRejected r -> new Decided(r);
                case ServiceLoadBalancersReleased r -> new Released();
                default -> throw new IllegalStateException("not an event of a service binding: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(ServiceBinding state) {
            return state instanceof Released
                    || (state instanceof Decided d && d.verdict() instanceof ServiceLoadBalancersRejected);
        }
    };
}

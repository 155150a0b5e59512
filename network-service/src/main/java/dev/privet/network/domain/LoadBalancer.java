package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;

/** A load balancer's stream, keyed by its ARN: not created yet, or created. */
public sealed interface LoadBalancer {

    record NoLoadBalancer() implements LoadBalancer {
    }

    record Created(LoadBalancerCreated loadBalancer) implements LoadBalancer {
    }

    /** The command of a load balancer's stream: the load balancer as the request describes it. */
    record CreateLoadBalancer(LoadBalancerCreated draft) {
    }

    Decider<CreateLoadBalancer, LoadBalancer, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public LoadBalancer initialState() {
            return new NoLoadBalancer();
        }

        @Override
        public List<NetworkEvent> decide(CreateLoadBalancer create, LoadBalancer state) {
            // Names are unique per account, a rule across streams that the application checks under a lock; the
            // stream itself (a fresh ARN) only ever sees its one creation.
            return switch (state) {
                case NoLoadBalancer n -> List.of(create.draft());
                case Created c -> throw new IllegalStateException(c.loadBalancer().loadBalancerArn() + " exists already");
            };
        }

        @Override
        public LoadBalancer evolve(LoadBalancer state, NetworkEvent event, Instant recordedAt) {
            if (event instanceof LoadBalancerCreated created) {
                return new Created(created);
            }
            throw new IllegalStateException("not an event of a load balancer: " + event.eventType());
        }
    };
}

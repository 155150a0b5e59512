package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.ListenerCreated;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A load balancer's stream, keyed by its ARN: not created yet, or created with its listeners (those made with it,
 * then those added one by one).
 */
public sealed interface LoadBalancer {
    /** AWS's quota of listeners on one network load balancer. */
    int MAX_LISTENERS = 50;

    record NoLoadBalancer() implements LoadBalancer {
    }

    record Created(LoadBalancerCreated loadBalancer, List<Listener> listeners) implements LoadBalancer {
    }

    /** The commands of a load balancer's stream. */
    sealed interface Command {
        /** The load balancer as the request describes it. */
        record CreateLoadBalancer(LoadBalancerCreated draft) implements Command {
        }

        /** A listener forwarding to a target group that the caller checked is the owner's, in the same VPC. */
        record AddListener(Listener listener) implements Command {
        }
    }

    Decider<Command, LoadBalancer, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public LoadBalancer initialState() {
            return new NoLoadBalancer();
        }

        @Override
        public List<NetworkEvent> decide(Command command, LoadBalancer state) {
            return switch (command) {
                // Names are unique per account, a rule across streams that the application checks under a lock;
                // the stream itself (a fresh ARN) only ever sees its one creation.
                case Command.CreateLoadBalancer create -> switch (state) {
                    case NoLoadBalancer n -> List.of(create.draft());
                    case Created c -> throw new IllegalStateException(c.loadBalancer().loadBalancerArn()
                            + " exists already");
                };
                case Command.AddListener add -> {
                    Created lb = existing(state);
                    if (lb.listeners().stream().anyMatch(l -> l.port() == add.listener().port())) {
                        throw Rejection.invalid(ErrorCode.DUPLICATE_LISTENER, "port", "A listener already exists on "
                                + lb.loadBalancer().name() + " on port " + add.listener().port());
                    }
                    if (lb.listeners().size() >= MAX_LISTENERS) {
                        throw Rejection.invalidValue("port", "A load balancer has at most " + MAX_LISTENERS
                                + " listeners");
                    }
                    yield List.of(new ListenerCreated(lb.loadBalancer().loadBalancerArn(), add.listener()));
                }
            };
        }

        @Override
        public LoadBalancer evolve(LoadBalancer state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case LoadBalancerCreated created -> new Created(created, List.copyOf(created.listeners()));
                case ListenerCreated added -> {
                    Created lb = existing(state);
                    List<Listener> listeners = new ArrayList<>(lb.listeners());
                    listeners.add(added.listener());
                    yield new Created(lb.loadBalancer(), List.copyOf(listeners));
                }
                default -> throw new IllegalStateException("not an event of a load balancer: " + event.eventType());
            };
        }
    };

    private static Created existing(LoadBalancer state) {
        if (state instanceof Created created) {
            return created;
        }
        throw new IllegalStateException("the load balancer does not exist");
    }
}

package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.ListenerCreated;
import dev.privet.contracts.events.NetworkEvent.ListenerDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerAttributesModified;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.LoadBalancerAttributes;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A load balancer's stream, keyed by its ARN: not created yet, created with its listeners (those made with it, then
 * those added one by one) and its attributes, or deleted (which nothing follows). While its deletion protection is on,
 * it is not deleted.
 */
public sealed interface LoadBalancer {
    /** AWS's quota of listeners on one network load balancer. */
    int MAX_LISTENERS = 50;

    record NoLoadBalancer() implements LoadBalancer {
    }

    record Created(LoadBalancerCreated loadBalancer, List<Listener> listeners, LoadBalancerAttributes attributes)
            implements LoadBalancer {
        Created with(List<Listener> changed) {
            return new Created(loadBalancer, List.copyOf(changed), attributes);
        }
    }

    record Deleted(LoadBalancerCreated loadBalancer) implements LoadBalancer {
    }

    /** The commands of a load balancer's stream. */
    sealed interface Command {
        /** The load balancer as the request describes it. */
        record CreateLoadBalancer(LoadBalancerCreated draft) implements Command {
        }

        /** A listener forwarding to a target group that the caller checked is the owner's, in the same VPC. */
        record AddListener(Listener listener) implements Command {
        }

        record DeleteListener(int port, String listenerArn) implements Command {
        }

        /** Changes the attributes given (null: left as they are). */
        record ModifyAttributes(Boolean deletionProtection, Boolean crossZone, String clientRoutingPolicy,
                                Boolean zonalShift) implements Command {
            LoadBalancerAttributes applyTo(LoadBalancerAttributes current) {
                return new LoadBalancerAttributes(
                        deletionProtection == null ? current.deletionProtection() : deletionProtection,
                        crossZone == null ? current.crossZone() : crossZone,
                        clientRoutingPolicy == null ? current.clientRoutingPolicy() : clientRoutingPolicy,
                        zonalShift == null ? current.zonalShift() : zonalShift);
            }
        }

        /** Deletes it with its listeners; {@code services} are the endpoint services it was verified for. */
        record Delete(List<String> services) implements Command {
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
                    case Deleted d -> throw new IllegalStateException(d.loadBalancer().loadBalancerArn()
                            + " was deleted");
                };
                case Command.DeleteListener delete -> {
                    Created lb = existing(state);
                    if (lb.listeners().stream().noneMatch(l -> l.port() == delete.port())) {
                        throw Rejection.notFound(ErrorCode.LISTENER_NOT_FOUND, "listenerArn",
                                "Listener '" + delete.listenerArn() + "' not found");
                    }
                    yield List.of(new ListenerDeleted(lb.loadBalancer().loadBalancerArn(), delete.port()));
                }
                case Command.Delete delete -> {
                    Created lb = existing(state);
                    if (lb.attributes().deletionProtection()) {
                        throw Rejection.conflict(ErrorCode.OPERATION_NOT_PERMITTED, "loadBalancerArn", "Load balancer '"
                                + lb.loadBalancer().loadBalancerArn() + "' cannot be deleted because deletion "
                                + "protection is enabled");
                    }
                    if (!delete.services().isEmpty()) {
                        throw Rejection.conflict(ErrorCode.RESOURCE_IN_USE, "loadBalancerArn", "Load balancer '"
                                + lb.loadBalancer().loadBalancerArn() + "' is in use by the endpoint services "
                                + delete.services());
                    }
                    yield List.of(new LoadBalancerDeleted(lb.loadBalancer().loadBalancerArn(),
                            lb.loadBalancer().name(), lb.loadBalancer().ownerId()));
                }
                case Command.ModifyAttributes modify -> {
                    Created lb = existing(state);
                    LoadBalancerAttributes changed = modify.applyTo(lb.attributes());
                    yield lb.attributes().equals(changed) ? List.of()
                            : List.of(new LoadBalancerAttributesModified(lb.loadBalancer().loadBalancerArn(), changed));
                }
                case Command.AddListener add -> {
                    Created lb = existing(state);
                    if (lb.listeners().contains(add.listener())) {
                        yield List.of(); // the same listener again: as in AWS, the answer is the one that exists
                    }
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
        public boolean isTerminal(LoadBalancer state) {
            return state instanceof Deleted;
        }

        @Override
        public LoadBalancer evolve(LoadBalancer state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case LoadBalancerCreated created -> new Created(created, List.copyOf(created.listeners()),
                        LoadBalancerAttributes.DEFAULT);
                case ListenerCreated added -> {
                    Created lb = existing(state);
                    List<Listener> listeners = new ArrayList<>(lb.listeners());
                    listeners.add(added.listener());
                    yield lb.with(listeners);
                }
                case ListenerDeleted removed -> {
                    Created lb = existing(state);
                    yield lb.with(lb.listeners().stream().filter(l -> l.port() != removed.port()).toList());
                }
                case LoadBalancerAttributesModified modified -> {
                    Created lb = existing(state);
                    yield new Created(lb.loadBalancer(), lb.listeners(), modified.attributes());
                }
                case LoadBalancerDeleted deleted -> new Deleted(existing(state).loadBalancer());
                default -> throw new IllegalStateException("not an event of a load balancer: " + event.eventType());
            };
        }
    };

    /** The load balancer a command acts on; the caller checked it exists and is the owner's. */
    private static Created existing(LoadBalancer state) {
        if (state instanceof Created created) {
            return created;
        }
        throw new IllegalStateException("the load balancer does not exist");
    }
}

package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.TargetGroupAttributesModified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.events.NetworkEvent.TargetGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.TargetsDeregistered;
import dev.privet.contracts.events.NetworkEvent.TargetsRegistered;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.events.Values.TargetGroupAttributes;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A target group's stream, keyed by its ARN: not created yet, created with the targets registered in it and its
 * attributes, or deleted (which nothing follows).
 */
public sealed interface TargetGroup {
    /** AWS's quota for targets in one network load balancer target group. */
    int MAX_TARGETS = 1000;

    record NoTargetGroup() implements TargetGroup {
    }

    record Created(TargetGroupCreated group, Set<RegisteredTarget> targets, TargetGroupAttributes attributes)
            implements TargetGroup {
    }

    record Deleted(TargetGroupCreated group) implements TargetGroup {
    }

    /** The commands of a target group's stream. */
    sealed interface Command {
        /** The target group as the request describes it, in a VPC the caller owns. */
        record Create(TargetGroupCreated draft) implements Command {
        }

        record Register(List<RegisteredTarget> targets) implements Command {
        }

        record Deregister(List<RegisteredTarget> targets) implements Command {
        }

        /** Changes the attributes given (null: left as they are). */
        record ModifyAttributes(Integer deregistrationDelaySeconds, Boolean proxyProtocolV2) implements Command {
            TargetGroupAttributes applyTo(TargetGroupAttributes current) {
                return new TargetGroupAttributes(
                        deregistrationDelaySeconds == null ? current.deregistrationDelaySeconds() : deregistrationDelaySeconds,
                        proxyProtocolV2 == null ? current.proxyProtocolV2() : proxyProtocolV2);
            }
        }

        /** Deletes it; {@code forwardingListeners} are the listeners that forward to it (read under a lock). */
        record Delete(List<String> forwardingListeners) implements Command {
        }
    }

    Decider<Command, TargetGroup, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public TargetGroup initialState() {
            return new NoTargetGroup();
        }

        @Override
        public List<NetworkEvent> decide(Command command, TargetGroup state) {
            return switch (command) {
                case Command.Create c -> {
                    if (!(state instanceof NoTargetGroup)) {
                        throw new IllegalStateException(c.draft().targetGroupArn() + " exists already");
                    }
                    yield List.of(c.draft());
                }
                case Command.Register r -> {
                    Created group = existing(state);
                    List<RegisteredTarget> added = r.targets().stream().distinct()
                            .filter(t -> !group.targets().contains(t)).toList();
                    if (group.targets().size() + added.size() > MAX_TARGETS) {
                        throw Rejection.invalid(ErrorCode.TOO_MANY_TARGETS, "targets", "A target group holds at most "
                                + MAX_TARGETS + " targets; it has " + group.targets().size());
                    }
                    yield added.isEmpty() ? List.of()
                            : List.of(new TargetsRegistered(group.group().targetGroupArn(), added));
                }
                case Command.Delete d -> {
                    Created group = existing(state);
                    if (!d.forwardingListeners().isEmpty()) {
                        throw Rejection.conflict(ErrorCode.RESOURCE_IN_USE, "targetGroupArn", "Target group '"
                                + group.group().targetGroupArn() + "' is currently in use by a listener or a rule: "
                                + d.forwardingListeners());
                    }
                    yield List.of(new TargetGroupDeleted(group.group().targetGroupArn(), group.group().name(),
                            group.group().ownerId()));
                }
                case Command.ModifyAttributes m -> {
                    Created group = existing(state);
                    TargetGroupAttributes changed = m.applyTo(group.attributes());
                    yield group.attributes().equals(changed) ? List.of()
                            : List.of(new TargetGroupAttributesModified(group.group().targetGroupArn(), changed));
                }
                case Command.Deregister d -> {
                    Created group = existing(state);
                    List<RegisteredTarget> removed = d.targets().stream().distinct()
                            .filter(group.targets()::contains).toList();
                    yield removed.isEmpty() ? List.of()
                            : List.of(new TargetsDeregistered(group.group().targetGroupArn(), removed));
                }
            };
        }

        @Override
        public boolean isTerminal(TargetGroup state) {
            return state instanceof Deleted;
        }

        @Override
        public TargetGroup evolve(TargetGroup state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case TargetGroupCreated c -> new Created(c, Set.of(), TargetGroupAttributes.DEFAULT);
                case TargetsRegistered r -> {
                    Created group = existing(state);
                    Set<RegisteredTarget> targets = new LinkedHashSet<>(group.targets());
                    targets.addAll(r.targets());
                    yield new Created(group.group(), Set.copyOf(targets), group.attributes());
                }
                case TargetsDeregistered d -> {
                    Created group = existing(state);
                    Set<RegisteredTarget> targets = new LinkedHashSet<>(group.targets());
                    d.targets().forEach(targets::remove);
                    yield new Created(group.group(), Set.copyOf(targets), group.attributes());
                }
                case TargetGroupAttributesModified m -> {
                    Created group = existing(state);
                    yield new Created(group.group(), group.targets(), m.attributes());
                }
                case TargetGroupDeleted d -> new Deleted(existing(state).group());
                default -> throw new IllegalStateException("not an event of a target group: " + event.eventType());
            };
        }
    };

    private static Created existing(TargetGroup state) {
        if (state instanceof Created created) {
            return created;
        }
        throw new IllegalStateException("the target group does not exist");
    }
}

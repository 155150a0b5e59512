package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointInterfacesRetired;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointProvisioningDeferred;
import dev.privet.contracts.events.NetworkEvent.EndpointRouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesModified;
import dev.privet.contracts.events.NetworkEvent.EndpointRoutesProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointSecurityGroupsApplied;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The network side of one VPC endpoint: nothing yet, its interfaces provisioned (an Interface endpoint) or its routes
 * in place (a Gateway endpoint), failed, or released. Released is
 * final: the provider's acceptance and the DNS removal travel on different topics and may arrive in either order, so
 * an acceptance that arrives after the release is ignored rather than building interfaces nobody will delete.
 *
 * <p>An Interface endpoint's security groups (consumer-service's) and the provider's acceptance travel on different
 * topics too. Its interfaces are built only once both are here: an acceptance that comes first is
 * {@linkplain Deferred deferred}, and the groups' arrival builds them. So the forwarders of a provisioned endpoint
 * always know which ports its groups open.
 *
 * <p>A provisioned endpoint's subnets can change. The interfaces of removed subnets then <em>retire</em>: they keep
 * listening until the endpoint's names stop pointing at them (names first, interfaces after, as in a deletion), so a
 * client that resolved a name a moment ago still connects.
 */
public sealed interface EndpointNetwork {

    /** Nothing built yet; {@code groupsKnown} once the endpoint's security groups arrived. */
    record None(boolean groupsKnown) implements EndpointNetwork {
    }

    /** Accepted, waiting for the endpoint's security groups to build its interfaces in {@code subnetIds}. */
    record Deferred(String serviceId, String vpcId, List<String> subnetIds) implements EndpointNetwork {
        public Deferred {
            subnetIds = List.copyOf(subnetIds);
        }
    }

    /** {@code interfaces} serve the endpoint; {@code retiring} ones wait to be deleted once no name points at them. */
    record Provisioned(String serviceId, List<EndpointInterface> interfaces, List<EndpointInterface> retiring)
            implements EndpointNetwork {
        public Provisioned {
            interfaces = List.copyOf(interfaces);
            retiring = List.copyOf(retiring);
        }

        /** The subnets the endpoint is in now, in the order its interfaces came. */
        public List<String> subnetIds() {
            return interfaces.stream().map(EndpointInterface::subnetId).toList();
        }

        /** The retiring interfaces that none of {@code named} is: the names moved off them. */
        public List<EndpointInterface> retiringBesides(List<EndpointInterface> named) {
            Set<String> stillNamed = new HashSet<>();
            named.forEach(eni -> stillNamed.add(eni.networkInterfaceId()));
            return retiring.stream().filter(eni -> !stillNamed.contains(eni.networkInterfaceId())).toList();
        }
    }

    /**
     * A Gateway endpoint's routes: one in each of {@code routeTableIds}, to {@code prefixListId}, through the
     * endpoint. It has no interfaces.
     */
    record Routed(String serviceId, String prefixListId, List<String> routeTableIds) implements EndpointNetwork {
        public Routed {
            routeTableIds = List.copyOf(routeTableIds);
        }
    }

    record Failed(String reason) implements EndpointNetwork {
    }

    record Released() implements EndpointNetwork {
    }

    /** The commands of an endpoint's network stream. */
    sealed interface Command {
        /** Record the interfaces built for the endpoint (their addresses are appended to the subnets beside it). */
        record Provision(String vpcEndpointId, String serviceId, List<EndpointInterface> interfaces) implements Command {
        }

        /** Record a Gateway endpoint's routes (added to the route tables' streams beside it). */
        record ProvisionRoutes(String vpcEndpointId, String serviceId, String prefixListId,
                               List<String> routeTableIds) implements Command {
        }

        record Fail(String vpcEndpointId, String serviceId, String reason) implements Command {
        }

        /** Record the endpoint's security groups. */
        record ApplyGroups(String vpcEndpointId, List<String> securityGroupIds) implements Command {
        }

        /** Hold an acceptance that came before the endpoint's security groups. */
        record Defer(String vpcEndpointId, String serviceId, String vpcId, List<String> subnetIds) implements Command {
        }

        /** Record a Gateway endpoint's new route tables (its routes added and removed beside it). */
        record ModifyRoutes(String vpcEndpointId, String serviceId, List<String> routeTableIds) implements Command {
        }

        record FailRouteModification(String vpcEndpointId, String serviceId, String reason) implements Command {
        }

        /** A route table of a Gateway endpoint was deleted (its route went with it). */
        record LoseRouteTable(String vpcEndpointId, String routeTableId) implements Command {
        }

        /**
         * Record a change of subnets: {@code interfaces} serve the endpoint from now on (the new ones built beside
         * it), and {@code retiring} are the interfaces of the removed subnets.
         */
        record Modify(String vpcEndpointId, String serviceId, List<EndpointInterface> interfaces,
                      List<String> retiring) implements Command {
        }

        record FailModification(String vpcEndpointId, String serviceId, String reason) implements Command {
        }

        /** Mark retiring interfaces deleted (deleted beside it). */
        record Retire(String vpcEndpointId, String serviceId, List<String> deletedInterfaceIds) implements Command {
        }

        /** Mark the network released, with the interfaces deleted (or a Gateway endpoint's routes removed) beside it. */
        record Release(String vpcEndpointId, String serviceId, List<String> deletedInterfaceIds) implements Command {
        }
    }

    /** Whether nothing is built yet: an acceptance (or a Gateway endpoint's request) is still to be acted on. */
    default boolean awaitsProvisioning() {
        return this instanceof None || this instanceof Deferred;
    }

    /** Whether an acceptance must wait for the endpoint's security groups before interfaces are built. */
    default boolean awaitsGroups() {
        return this instanceof None n && !n.groupsKnown();
    }

    /** The interfaces to delete on release, retiring ones included: none unless provisioned. */
    default List<EndpointInterface> interfacesToRelease() {
        return this instanceof Provisioned p ? Stream.concat(p.interfaces().stream(), p.retiring().stream()).toList()
                : List.of();
    }

    Decider<Command, EndpointNetwork, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public EndpointNetwork initialState() {
            return new None(false);
        }

        @Override
        public List<NetworkEvent> decide(Command command, EndpointNetwork state) {
            return switch (command) {
                case Command.Provision p -> state.awaitsProvisioning()
                        ? List.of(new EndpointNetworkProvisioned(p.vpcEndpointId(), p.serviceId(), p.interfaces()))
                        : List.of();
                case Command.ProvisionRoutes p -> state.awaitsProvisioning()
                        ? List.of(new EndpointRoutesProvisioned(p.vpcEndpointId(), p.serviceId(), p.prefixListId(),
                                p.routeTableIds()))
                        : List.of();
                case Command.Fail f -> state.awaitsProvisioning()
                        ? List.of(new EndpointNetworkFailed(f.vpcEndpointId(), f.serviceId(), f.reason()))
                        : List.of();
                case Command.ApplyGroups a -> state instanceof Released ? List.of()
                        : List.of(new EndpointSecurityGroupsApplied(a.vpcEndpointId(), a.securityGroupIds()));
                case Command.Defer d -> state.awaitsGroups()
                        ? List.of(new EndpointProvisioningDeferred(d.vpcEndpointId(), d.serviceId(), d.vpcId(),
                                d.subnetIds()))
                        : List.of();
                case Command.ModifyRoutes m -> state instanceof Routed
                        ? List.of(new EndpointRoutesModified(m.vpcEndpointId(), m.serviceId(), m.routeTableIds()))
                        : List.of();
                case Command.FailRouteModification f -> state instanceof Routed r
                        ? List.of(new EndpointRoutesModificationFailed(f.vpcEndpointId(), f.serviceId(), f.reason(),
                                r.routeTableIds()))
                        : List.of();
                case Command.LoseRouteTable l -> state instanceof Routed r && r.routeTableIds().contains(l.routeTableId())
                        ? List.of(new EndpointRouteTableDeleted(l.vpcEndpointId(), r.serviceId(), l.routeTableId()))
                        : List.of();
                case Command.Modify m -> state instanceof Provisioned
                        ? List.of(new EndpointNetworkModified(m.vpcEndpointId(), m.serviceId(), m.interfaces(),
                                m.retiring()))
                        : List.of();
                case Command.FailModification f -> state instanceof Provisioned p
                        ? List.of(new EndpointNetworkModificationFailed(f.vpcEndpointId(), f.serviceId(), f.reason(),
                                p.subnetIds()))
                        : List.of();
                case Command.Retire r -> state instanceof Provisioned && !r.deletedInterfaceIds().isEmpty()
                        ? List.of(new EndpointInterfacesRetired(r.vpcEndpointId(), r.serviceId(),
                                r.deletedInterfaceIds()))
                        : List.of();
                case Command.Release r -> state instanceof Released ? List.of()
                        : List.of(new EndpointNetworkReleased(r.vpcEndpointId(), r.serviceId(), r.deletedInterfaceIds()));
            };
        }

        @Override
        public EndpointNetwork evolve(EndpointNetwork state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case EndpointNetworkProvisioned p -> new Provisioned(p.serviceId(), p.networkInterfaces(), List.of());
                case EndpointSecurityGroupsApplied a -> state instanceof None ? new None(true) : state;
                case EndpointProvisioningDeferred d -> new Deferred(d.serviceId(), d.vpcId(), d.subnetIds());
                case EndpointRoutesProvisioned p -> new Routed(p.serviceId(), p.prefixListId(), p.routeTableIds());
                case EndpointRoutesModified m -> {
                    Routed before = routed(state, m);
                    yield new Routed(before.serviceId(), before.prefixListId(), m.routeTableIds());
                }
                case EndpointRoutesModificationFailed f -> routed(state, f);
                case EndpointRouteTableDeleted d -> {
                    Routed before = routed(state, d);
                    yield new Routed(before.serviceId(), before.prefixListId(), before.routeTableIds().stream()
                            .filter(table -> !table.equals(d.routeTableId())).toList());
                }
                case EndpointNetworkModified m -> modified(provisioned(state, m), m);
                case EndpointNetworkModificationFailed f -> provisioned(state, f);
                case EndpointInterfacesRetired r -> retired(provisioned(state, r), r);
                case EndpointNetworkFailed f -> new Failed(f.reason());
                case EndpointNetworkReleased r -> new Released();
                default -> throw new IllegalStateException("not an event of an endpoint's network: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(EndpointNetwork state) {
            return state instanceof Released;
        }

        private static Routed routed(EndpointNetwork state, NetworkEvent event) {
            if (state instanceof Routed r) {
                return r;
            }
            throw new IllegalStateException(event.eventType() + " on an endpoint network that is " + state);
        }

        private static Provisioned provisioned(EndpointNetwork state, NetworkEvent event) {
            if (state instanceof Provisioned p) {
                return p;
            }
            throw new IllegalStateException(event.eventType() + " on an endpoint network that is " + state);
        }

        /** The old interfaces named in the change retire; earlier retiring ones keep retiring. */
        private static Provisioned modified(Provisioned before, EndpointNetworkModified m) {
            Set<String> retiring = Set.copyOf(m.retiringInterfaceIds());
            var nowRetiring = Stream.concat(before.retiring().stream(),
                    before.interfaces().stream().filter(eni -> retiring.contains(eni.networkInterfaceId()))).toList();
            return new Provisioned(before.serviceId(), m.networkInterfaces(), nowRetiring);
        }

        private static Provisioned retired(Provisioned before, EndpointInterfacesRetired r) {
            Set<String> gone = Set.copyOf(r.networkInterfaceIds());
            return new Provisioned(before.serviceId(), before.interfaces(),
                    before.retiring().stream().filter(eni -> !gone.contains(eni.networkInterfaceId())).toList());
        }
    };
}

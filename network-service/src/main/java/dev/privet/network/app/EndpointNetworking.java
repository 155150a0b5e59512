package dev.privet.network.app;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRequested;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointRouteTablesChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSecurityGroupsChanged;
import dev.privet.contracts.events.ConsumerEvent.VpcEndpointSubnetsChanged;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.DeciderRunner.Loaded;
import dev.privet.network.dataplane.Forwarders;
import dev.privet.network.domain.EndpointNetwork;
import dev.privet.network.domain.EndpointNetwork.Command;
import dev.privet.network.domain.EndpointNetwork.Command.ApplyGroups;
import dev.privet.network.domain.EndpointNetwork.Command.Defer;
import dev.privet.network.domain.EndpointNetwork.Command.Fail;
import dev.privet.network.domain.EndpointNetwork.Command.FailModification;
import dev.privet.network.domain.EndpointNetwork.Command.FailRouteModification;
import dev.privet.network.domain.EndpointNetwork.Command.Modify;
import dev.privet.network.domain.EndpointNetwork.Command.ModifyRoutes;
import dev.privet.network.domain.EndpointNetwork.Command.Provision;
import dev.privet.network.domain.EndpointNetwork.Command.ProvisionRoutes;
import dev.privet.network.domain.EndpointNetwork.Command.Release;
import dev.privet.network.domain.EndpointNetwork.Command.Retire;
import dev.privet.network.domain.EndpointNetwork.Deferred;
import dev.privet.network.domain.EndpointNetwork.Provisioned;
import dev.privet.network.domain.EndpointNetwork.Routed;
import dev.privet.network.domain.ManagedPrefixList;
import dev.privet.network.domain.PrefixLists;
import dev.privet.network.domain.RouteTable;
import dev.privet.network.domain.Subnet;
import dev.privet.network.domain.SubnetState;
import dev.privet.network.domain.SubnetState.Command.AllocateInterface;
import dev.privet.network.domain.SubnetState.Command.ReleaseInterface;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and tears down the interfaces of accepted endpoints, and the routes of Gateway endpoints ({@link #route}).
 * An Interface endpoint gets one interface per subnet, each holding an address of
 * its subnet and a data plane address of the pool, where its forwarders will listen. The read model's unique index
 * on data plane addresses refuses an address that a concurrent transaction chose too; that transaction rolls back
 * and the acceptance is applied again, with another choice. Runs inside the reacting consumer's transaction,
 * appending to each subnet's stream and to the endpoint's network stream together; a concurrent allocation in the same subnet makes the append conflict, the
 * transaction roll back and the event be applied again.
 */
@ApplicationScoped
public class EndpointNetworking {
    private final DeciderRunner deciders;
    private final Forwarders dataPlane;
    private final PrefixLists prefixLists;
    private final CrossStreamChecks checks;

    EndpointNetworking(DeciderRunner deciders, Forwarders dataPlane, PrefixLists prefixLists,
                       CrossStreamChecks checks) {
        this.deciders = deciders;
        this.dataPlane = dataPlane;
        this.prefixLists = prefixLists;
        this.checks = checks;
    }

    /** The endpoint's network as it is now, held until the transaction ends (see {@link CrossStreamChecks}). */
    private Loaded<EndpointNetwork> current(Connection c, String vpcEndpointId) throws SQLException {
        checks.lockEndpointNetwork(c, vpcEndpointId);
        return deciders.load(c, vpcEndpointId, EndpointNetwork.DECIDER);
    }

    /**
     * Builds an accepted endpoint's interfaces, all or none (a subnet gone or full, or the pool exhausted, fails the
     * endpoint), or defers the acceptance until the endpoint's security groups are here.
     */
    public void provision(Connection c, EndpointConnectionAccepted accepted, EventEnvelope cause) throws SQLException {
        String endpointId = accepted.vpcEndpointId();
        EndpointNetwork state = current(c, endpointId).state();
        EventMetadata metadata = EventMetadata.causedBy(cause);
        if (state.awaitsGroups()) {
            deciders.run(c, endpointId, new Defer(endpointId, accepted.serviceId(), accepted.vpcId(),
                    accepted.subnetIds()), EndpointNetwork.DECIDER, metadata);
        } else if (state instanceof EndpointNetwork.None) {
            buildInterfaces(c, endpointId, accepted.serviceId(), accepted.vpcId(), accepted.subnetIds(), metadata);
        } // deferred already (the groups' arrival builds it), or built, failed or released
    }

    /**
     * Records the endpoint's security groups, which decide the ports its forwarders listen on; an acceptance that
     * was waiting for them builds the endpoint's interfaces now.
     */
    public void applyGroups(Connection c, VpcEndpointSecurityGroupsChanged changed, EventEnvelope cause)
            throws SQLException {
        String endpointId = changed.vpcEndpointId();
        EndpointNetwork before = current(c, endpointId).state();
        EventMetadata metadata = EventMetadata.causedBy(cause);
        deciders.run(c, endpointId, new ApplyGroups(endpointId, changed.securityGroupIds()), EndpointNetwork.DECIDER,
                metadata);
        if (before instanceof Deferred accepted) {
            buildInterfaces(c, endpointId, accepted.serviceId(), accepted.vpcId(), accepted.subnetIds(), metadata);
        }
    }

    private void buildInterfaces(Connection c, String endpointId, String serviceId, String vpcId,
                                 List<String> subnetIds, EventMetadata metadata) throws SQLException {
        Plan plan = plan(c, endpointId, vpcId, subnetIds);
        Command decided = plan.refusal() != null
                ? new Fail(endpointId, serviceId, plan.refusal())
                : new Provision(endpointId, serviceId, build(c, plan, metadata));
        deciders.run(c, endpointId, decided, EndpointNetwork.DECIDER, metadata);
    }

    /**
     * Puts a new Gateway endpoint's routes in its route tables: in each, a route to its service's prefix list through
     * the endpoint. All or none: each table is decided first, and a table that is gone, another VPC's or another
     * account's, or that has a route to that prefix list already, fails the endpoint with the reason, and then no
     * route is added anywhere.
     */
    public void route(Connection c, VpcEndpointRequested requested, EventEnvelope cause) throws SQLException {
        String endpointId = requested.vpcEndpointId();
        if (!current(c, endpointId).state().awaitsProvisioning()) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        Optional<ManagedPrefixList> prefixList = prefixLists.ofService(requested.serviceName());
        RoutePlan plan = prefixList.isEmpty()
                ? RoutePlan.refused("the service " + requested.serviceName() + " has no managed prefix list here")
                : planRoutes(c, endpointId, requested.ownerId(), requested.vpcId(), prefixList.get().prefixListId(),
                        requested.routeTableIds());
        if (plan.refusal() != null) {
            deciders.run(c, endpointId, new Fail(endpointId, requested.serviceId(), plan.refusal()),
                    EndpointNetwork.DECIDER, metadata);
            return;
        }
        plan.append(c, deciders, metadata);
        deciders.run(c, endpointId, new ProvisionRoutes(endpointId, requested.serviceId(),
                prefixList.get().prefixListId(), requested.routeTableIds()), EndpointNetwork.DECIDER, metadata);
    }

    /**
     * Changes a Gateway endpoint's route tables: its route goes into each added table (all or none, as at creation)
     * and out of each removed one. A table that cannot take it fails the change, and then no route moves.
     */
    public void reroute(Connection c, VpcEndpointRouteTablesChanged changed, EventEnvelope cause) throws SQLException {
        String endpointId = changed.vpcEndpointId();
        if (!(current(c, endpointId).state() instanceof Routed routed)) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        List<String> added = changed.added().stream().filter(t -> !routed.routeTableIds().contains(t)).toList();
        RoutePlan plan = planRoutes(c, endpointId, changed.ownerId(), changed.vpcId(), routed.prefixListId(), added);
        if (plan.refusal() != null) {
            deciders.run(c, endpointId, new FailRouteModification(endpointId, changed.serviceId(), plan.refusal()),
                    EndpointNetwork.DECIDER, metadata);
            return;
        }
        plan.append(c, deciders, metadata);
        removeRoutes(c, endpointId, routed.prefixListId(), changed.removed(), metadata);
        // the tables it routes through now, by its own record: consumer-service's list may still name a table
        // deleted since (EndpointRouteTableDeleted is on its way there)
        List<String> now = new ArrayList<>(routed.routeTableIds());
        now.removeAll(changed.removed());
        now.addAll(added);
        deciders.run(c, endpointId, new ModifyRoutes(endpointId, changed.serviceId(), now),
                EndpointNetwork.DECIDER, metadata);
    }

    /**
     * Decides the endpoint's route to {@code prefixListId} in each of {@code routeTableIds} before anything is
     * appended: a table that is not {@code ownerId}'s in {@code vpcId}, or has a route to that destination, refuses
     * the whole plan.
     */
    private RoutePlan planRoutes(Connection c, String endpointId, String ownerId, String vpcId, String prefixListId,
                                 List<String> routeTableIds) throws SQLException {
        Route route = new Route(null, prefixListId, endpointId, null, Route.CREATE_ROUTE);
        List<Loaded<RouteTable>> tables = new ArrayList<>();
        List<List<NetworkEvent>> decided = new ArrayList<>();
        for (String routeTableId : routeTableIds) {
            Loaded<RouteTable> table = deciders.load(c, routeTableId, RouteTable.DECIDER);
            try {
                if (!table.state().ownedBy(ownerId, routeTableId, "routeTableIds").table().vpcId().equals(vpcId)) {
                    return RoutePlan.refused("the route table " + routeTableId + " is not in " + vpcId);
                }
                decided.add(RouteTable.DECIDER.decide(new RouteTable.Command.AddRoute(route), table.state()));
                tables.add(table);
            } catch (Rejection refused) {
                return RoutePlan.refused(refused.getMessage());
            }
        }
        return new RoutePlan(tables, decided, null);
    }

    /** Routes decided for some tables, not yet appended, or why they cannot be ({@code refusal}, null when they can). */
    private record RoutePlan(List<Loaded<RouteTable>> tables, List<List<NetworkEvent>> decided, String refusal) {
        static RoutePlan refused(String reason) {
            return new RoutePlan(List.of(), List.of(), reason);
        }

        void append(Connection c, DeciderRunner deciders, EventMetadata metadata) throws SQLException {
            for (int i = 0; i < tables.size(); i++) {
                deciders.appendDecision(c, tables.get(i), decided.get(i), RouteTable.DECIDER, metadata);
            }
        }
    }

    /**
     * Changes a provisioned endpoint's subnets: builds an interface in each added subnet (all or none, as at
     * creation), and marks the removed subnets' interfaces retiring. They are deleted by {@link #retire} once the
     * names have moved off them. An endpoint that is not provisioned (released, or failed) changes nothing.
     */
    public void modify(Connection c, VpcEndpointSubnetsChanged changed, EventEnvelope cause) throws SQLException {
        String endpointId = changed.vpcEndpointId();
        Loaded<EndpointNetwork> network = current(c, endpointId);
        if (!(network.state() instanceof Provisioned provisioned)) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        Set<String> removed = Set.copyOf(changed.removed());
        List<String> added = changed.added().stream().filter(s -> !provisioned.subnetIds().contains(s)).toList();
        Plan plan = plan(c, endpointId, changed.vpcId(), added);
        if (plan.refusal() != null) {
            deciders.run(c, endpointId, new FailModification(endpointId, changed.serviceId(), plan.refusal()),
                    EndpointNetwork.DECIDER, metadata);
            return;
        }
        List<EndpointInterface> kept = provisioned.interfaces().stream()
                .filter(eni -> !removed.contains(eni.subnetId())).toList();
        List<String> retiring = provisioned.interfaces().stream().filter(eni -> removed.contains(eni.subnetId()))
                .map(EndpointInterface::networkInterfaceId).toList();
        List<EndpointInterface> serving = new ArrayList<>(kept);
        serving.addAll(build(c, plan, metadata));
        deciders.run(c, endpointId, new Modify(endpointId, changed.serviceId(), serving, retiring),
                EndpointNetwork.DECIDER, metadata);
    }

    /**
     * Deletes the retiring interfaces that the endpoint's names, as just published, no longer point at. An
     * endpoint's first publication (the first event of its names' stream) has nothing retiring, since its subnets
     * change only once it is available, and costs nothing; a later one with nothing retiring costs a load of the
     * endpoint's network.
     */
    public void retire(Connection c, EndpointDnsPublished published, EventEnvelope cause) throws SQLException {
        if (cause.version() == 1) {
            return;
        }
        String endpointId = published.vpcEndpointId();
        Loaded<EndpointNetwork> network = current(c, endpointId);
        if (!(network.state() instanceof Provisioned provisioned) || provisioned.retiring().isEmpty()) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        List<String> deleted = new ArrayList<>();
        for (EndpointInterface eni : provisioned.retiringBesides(published.networkInterfaces())) {
            deciders.run(c, eni.subnetId(), new ReleaseInterface(eni.networkInterfaceId(), endpointId),
                    SubnetState.DECIDER, metadata);
            deleted.add(eni.networkInterfaceId());
        }
        deciders.appendDecision(c, network, EndpointNetwork.DECIDER.decide(
                new Retire(endpointId, published.serviceId(), deleted), network.state()), EndpointNetwork.DECIDER,
                metadata);
    }

    /** Deletes the endpoint's interfaces, if any, and marks its network released for good. */
    public void release(Connection c, String vpcEndpointId, String serviceId, EventEnvelope cause) throws SQLException {
        Loaded<EndpointNetwork> network = current(c, vpcEndpointId);
        if (EndpointNetwork.DECIDER.isTerminal(network.state())) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        if (network.state() instanceof Routed routed) {
            removeRoutes(c, vpcEndpointId, routed.prefixListId(), routed.routeTableIds(), metadata);
        }
        List<String> released = new ArrayList<>();
        for (EndpointInterface eni : network.state().interfacesToRelease()) {
            deciders.run(c, eni.subnetId(), new ReleaseInterface(eni.networkInterfaceId(), vpcEndpointId),
                    SubnetState.DECIDER, metadata);
            released.add(eni.networkInterfaceId());
        }
        deciders.appendDecision(c, network, EndpointNetwork.DECIDER.decide(
                new Release(vpcEndpointId, serviceId, released), network.state()), EndpointNetwork.DECIDER, metadata);
    }

    /**
     * Takes the endpoint's routes out of {@code routeTableIds}; a table deleted since took its routes with it, and a
     * route that is not the endpoint's is left alone.
     */
    private void removeRoutes(Connection c, String vpcEndpointId, String prefixListId, List<String> routeTableIds,
                              EventMetadata metadata) throws SQLException {
        for (String routeTableId : routeTableIds) {
            Loaded<RouteTable> table = deciders.load(c, routeTableId, RouteTable.DECIDER);
            if (table.state() instanceof RouteTable.Table t && t.routeTo(prefixListId)
                    .filter(r -> vpcEndpointId.equals(r.gatewayId())).isPresent()) {
                deciders.appendDecision(c, table, RouteTable.DECIDER.decide(
                        new RouteTable.Command.RemoveRoute(prefixListId, true), t), RouteTable.DECIDER, metadata);
            }
        }
    }

    /**
     * Decides an interface for each of {@code subnetIds} before anything is appended: one subnet that cannot take
     * one refuses the whole plan, and then nothing is allocated anywhere (no address would ever be released
     * otherwise).
     */
    private Plan plan(Connection c, String endpointId, String vpcId, List<String> subnetIds) throws SQLException {
        List<Allocation> allocations = new ArrayList<>();
        Set<String> reserved = new HashSet<>();
        for (String subnetId : subnetIds) {
            Loaded<SubnetState> subnet = deciders.load(c, subnetId, SubnetState.DECIDER);
            if (!(subnet.state() instanceof Subnet s) || !s.created().vpcId().equals(vpcId)) {
                return Plan.refused("subnet " + subnetId + " does not exist in " + vpcId);
            }
            Optional<String> dataPlaneAddress = dataPlane.freeAddress(reserved);
            if (dataPlaneAddress.isEmpty()) {
                return Plan.refused("the data plane address pool " + dataPlane.pool().block()
                        + " has no free address left");
            }
            reserved.add(dataPlaneAddress.get());
            try {
                var allocate = new AllocateInterface(IdFormat.NETWORK_INTERFACE.newId(), endpointId,
                        dataPlaneAddress.get());
                allocations.add(new Allocation(subnet, (NetworkInterfaceCreated)
                        SubnetState.DECIDER.decide(allocate, s).getFirst()));
            } catch (Rejection full) {
                return Plan.refused(full.getMessage());
            }
        }
        return new Plan(allocations, null);
    }

    /** Appends a plan's interfaces to their subnets' streams, and answers them as the endpoint lists them. */
    private List<EndpointInterface> build(Connection c, Plan plan, EventMetadata metadata) throws SQLException {
        List<EndpointInterface> interfaces = new ArrayList<>();
        for (Allocation a : plan.allocations()) {
            deciders.appendDecision(c, a.subnet(), List.of(a.created()), SubnetState.DECIDER, metadata);
            Subnet s = (Subnet) a.subnet().state();
            interfaces.add(new EndpointInterface(a.created().networkInterfaceId(), s.created().subnetId(),
                    s.created().availabilityZone(), a.created().privateIpAddress(), a.created().dataPlaneAddress()));
        }
        return interfaces;
    }

    /** An address decided for one subnet, not yet appended. */
    private record Allocation(Loaded<SubnetState> subnet, NetworkInterfaceCreated created) {
    }

    /** The interfaces to build, or why they cannot be built ({@code refusal}, null when they can). */
    private record Plan(List<Allocation> allocations, String refusal) {
        static Plan refused(String reason) {
            return new Plan(List.of(), reason);
        }
    }
}

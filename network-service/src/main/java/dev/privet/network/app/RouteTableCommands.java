package dev.privet.network.app;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.DeciderRunner.Loaded;
import dev.privet.network.domain.EndpointNetwork;
import dev.privet.network.domain.PrefixLists;
import dev.privet.network.domain.RouteTable;
import dev.privet.network.domain.Subnet;
import dev.privet.network.domain.SubnetState;
import dev.privet.network.domain.Vpc;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Route tables as their owner changes them: tables of the caller's VPCs, their routes (to the region's prefix lists
 * or CIDR blocks, through a network interface of the table's VPC) and their subnets. Which subnet is associated
 * where is checked under the VPC's subnet lock, which subnets are created and deleted under too.
 */
@ApplicationScoped
public class RouteTableCommands {
    private static final String ROUTE_TABLE_ID = "routeTableId";

    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final CrossStreamChecks checks;
    private final VpcRouteTables tables;
    private final NetworkTags tags;
    private final PrefixLists prefixLists;

    RouteTableCommands(CommandRunner commands, DeciderRunner deciders, CrossStreamChecks checks,
                       VpcRouteTables tables, NetworkTags tags, PrefixLists prefixLists) {
        this.commands = commands;
        this.deciders = deciders;
        this.checks = checks;
        this.tables = tables;
        this.tags = tags;
        this.prefixLists = prefixLists;
    }

    /** A table of the caller's VPC with its local route and {@code tags}, in one transaction. */
    public String create(AccountId caller, Optional<IdempotencyKey> key, String vpcId, List<Tag> tags) {
        String routeTableId = IdFormat.ROUTE_TABLE.newId();
        return commands.create(key, routeTableId, c -> {
            checks.lockedSubnetsOf(c, vpcId); // a deletion of the VPC waits, or is seen
            VpcCreated vpc = deciders.load(c, vpcId, Vpc.DECIDER).state().ownedBy(caller.value(), vpcId);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            var created = new RouteTableCreated(routeTableId, vpcId, caller.value(), vpc.cidrBlock(), false);
            deciders.run(c, routeTableId, new RouteTable.Command.Create(created), RouteTable.DECIDER, metadata);
            this.tags.tagNew(c, new TaggedResource(routeTableId, IdFormat.ROUTE_TABLE.resourceType(),
                    caller.value()), tags, metadata);
            return routeTableId;
        }, (c, id) -> owned(c, caller, id).routeTableId());
    }

    /**
     * Deletes the caller's table: not a main one, and not one a subnet is associated with. A Gateway endpoint's route
     * goes with it, and the endpoint's network no longer lists the table, in the same transaction.
     */
    public void delete(AccountId caller, String routeTableId) {
        commands.execute(c -> {
            // one load decides both: a route added since would make the append conflict, and the command run again
            Loaded<RouteTable> loaded = deciders.load(c, routeTableId, RouteTable.DECIDER);
            RouteTable.Table table = loaded.state().ownedBy(caller.value(), routeTableId, ROUTE_TABLE_ID);
            List<String> endpoints = table.gatewayEndpoints().stream().sorted().toList();
            for (String endpointId : endpoints) { // before any append, as the reactions take them
                checks.lockEndpointNetwork(c, endpointId);
            }
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            RouteTable deleted = deciders.appendDecision(c, loaded, RouteTable.DECIDER.decide(
                    new RouteTable.Command.Delete(false), loaded.state()), RouteTable.DECIDER, metadata).state();
            for (String endpointId : endpoints) {
                deciders.run(c, endpointId, new EndpointNetwork.Command.LoseRouteTable(endpointId, routeTableId),
                        EndpointNetwork.DECIDER, metadata);
            }
            return deleted;
        });
    }

    /**
     * Adds a route through a network interface of the table's VPC, to a CIDR block or to one of the region's prefix
     * lists. The API refuses every other kind of target before this.
     */
    public Route addRoute(AccountId caller, String routeTableId, Route route) {
        if (route.networkInterfaceId() == null || route.gatewayId() != null) {
            throw new IllegalArgumentException("a caller's route goes through a network interface");
        }
        commands.execute(c -> {
            RouteTable.Table table = owned(c, caller, routeTableId);
            if (route.destinationPrefixListId() != null && prefixLists.withId(route.destinationPrefixListId()).isEmpty()) {
                throw Rejection.invalid(ErrorCode.INVALID_PREFIX_LIST_ID_NOT_FOUND, "destinationPrefixListId",
                        "The prefix list ID '" + route.destinationPrefixListId() + "' does not exist");
            }
            checkInterface(c, caller, table, route.networkInterfaceId());
            return deciders.run(c, routeTableId, new RouteTable.Command.AddRoute(route), RouteTable.DECIDER,
                    EventMetadata.forRequest(caller.value())).state();
        });
        return route;
    }

    /** Removes the route to {@code destination} (a CIDR block or a prefix list's id) that its owner made. */
    public void removeRoute(AccountId caller, String routeTableId, String destination) {
        run(caller, routeTableId, new RouteTable.Command.RemoveRoute(destination, false));
    }

    /**
     * Associates a subnet of the table's VPC with the table, and answers the association's id; a subnet has one
     * explicit association at most, across all the tables of its VPC ({@code Resource.AlreadyAssociated}).
     */
    public String associate(AccountId caller, String routeTableId, String subnetId) {
        return commands.execute(c -> {
            RouteTable.Table table = owned(c, caller, routeTableId);
            String vpcId = table.table().vpcId();
            if (!checks.lockedSubnetsOf(c, vpcId).containsKey(subnetId)) {
                throw subnetOutside(c, caller, subnetId, routeTableId, vpcId);
            }
            Optional<VpcRouteTables.Association> existing = tables.associationOf(c, subnetId);
            if (existing.isPresent()) {
                throw Rejection.invalid(ErrorCode.RESOURCE_ALREADY_ASSOCIATED, "subnetId", "the specified "
                        + "association for route table " + routeTableId + " conflicts with an existing association: "
                        + subnetId + " is associated with " + existing.get().routeTableId() + " ("
                        + existing.get().associationId() + ")");
            }
            String associationId = IdFormat.ROUTE_TABLE_ASSOCIATION.newId();
            deciders.run(c, routeTableId, new RouteTable.Command.Associate(associationId, subnetId),
                    RouteTable.DECIDER, EventMetadata.forRequest(caller.value()));
            return associationId;
        });
    }

    /**
     * Ends the caller's explicit association: its subnet uses its VPC's main table again. A main table's own
     * association cannot end (AWS replaces it with ReplaceRouteTableAssociation, which Privet does not have).
     */
    public void disassociate(AccountId caller, String associationId) {
        commands.execute(c -> {
            Optional<String> tableId = tables.tableWithAssociation(c, associationId);
            if (tableId.isPresent()
                    && deciders.load(c, tableId.get(), RouteTable.DECIDER).state() instanceof RouteTable.Table table
                    && table.table().ownerId().equals(caller.value())) {
                return deciders.run(c, tableId.get(), new RouteTable.Command.Disassociate(associationId),
                        RouteTable.DECIDER, EventMetadata.forRequest(caller.value())).state();
            }
            for (String main : tables.mainTablesOf(c, caller.value())) {
                if (RouteTable.mainAssociationIdOf(main).equals(associationId)) {
                    throw Rejection.invalidValue("associationId", "The association " + associationId + " is the "
                            + "main association of " + main + ": a main route table cannot be disassociated");
                }
            }
            throw Rejection.notFound(ErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND, "associationId",
                    "The association ID '" + associationId + "' does not exist");
        });
    }

    private void run(AccountId caller, String routeTableId, RouteTable.Command command) {
        commands.execute(c -> {
            owned(c, caller, routeTableId);
            return deciders.run(c, routeTableId, command, RouteTable.DECIDER,
                    EventMetadata.forRequest(caller.value())).state();
        });
    }

    private RouteTable.Table owned(Connection c, AccountId caller, String routeTableId) throws SQLException {
        return deciders.load(c, routeTableId, RouteTable.DECIDER).state().ownedBy(caller.value(), routeTableId,
                ROUTE_TABLE_ID);
    }

    /** A route's interface must be in a subnet of the caller, in the table's VPC. */
    private void checkInterface(Connection c, AccountId caller, RouteTable.Table table, String networkInterfaceId)
            throws SQLException {
        Optional<String> subnetId = tables.subnetOfInterface(c, networkInterfaceId);
        if (subnetId.isEmpty()
                || !(deciders.load(c, subnetId.get(), SubnetState.DECIDER).state() instanceof Subnet subnet)
                || !subnet.holds(networkInterfaceId) || !subnet.created().ownerId().equals(caller.value())) {
            throw Rejection.invalid(ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND, "networkInterfaceId",
                    "The networkInterface ID '" + networkInterfaceId + "' does not exist");
        }
        if (!subnet.created().vpcId().equals(table.table().vpcId())) {
            throw Rejection.invalidValue("networkInterfaceId", "route table " + table.routeTableId() + " and network "
                    + "interface " + networkInterfaceId + " belong to different networks: "
                    + table.table().vpcId() + " and " + subnet.created().vpcId());
        }
    }

    /** Why a subnet the table's VPC does not have cannot be associated: another VPC's, or none of the caller's. */
    private Rejection subnetOutside(Connection c, AccountId caller, String subnetId, String routeTableId,
                                    String vpcId) throws SQLException {
        if (deciders.load(c, subnetId, SubnetState.DECIDER).state() instanceof Subnet subnet
                && subnet.created().ownerId().equals(caller.value())) {
            return Rejection.invalidValue("subnetId", "route table " + routeTableId + " and subnet " + subnetId
                    + " belong to different networks: " + vpcId + " and " + subnet.created().vpcId());
        }
        return Rejection.invalid(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetId",
                "The subnet ID '" + subnetId + "' does not exist");
    }
}

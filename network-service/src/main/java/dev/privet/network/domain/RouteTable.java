package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.RouteCreated;
import dev.privet.contracts.events.NetworkEvent.RouteDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableAssociated;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.RouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableDisassociated;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.ids.DerivedId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route table's stream: its routes (the local one first, which cannot be removed), the subnets associated with it,
 * and its deletion. A VPC's main table is made with the VPC and goes with it; the subnets without an association of
 * their own use it. Which subnet is associated where is a fact across tables, checked by the caller under the VPC's
 * lock; one table's own rules are here.
 */
public sealed interface RouteTable {

    record NoTable() implements RouteTable {
    }

    /** {@code routes} in the order they came, the local route first; {@code associations} by id, to their subnet. */
    record Table(RouteTableCreated table, List<Route> routes, Map<String, String> associations)
            implements RouteTable {
        public Table {
            routes = List.copyOf(routes);
            associations = Collections.unmodifiableMap(new LinkedHashMap<>(associations)); // in association order
        }

        public String routeTableId() {
            return table.routeTableId();
        }

        /** The route to {@code destination}, a CIDR block or a prefix list's id. */
        public Optional<Route> routeTo(String destination) {
            return routes.stream().filter(r -> r.destination().equals(destination)).findFirst();
        }

        /** The Gateway endpoints with a route here: the routes' gateways that are endpoints. */
        public List<String> gatewayEndpoints() {
            return routes.stream().map(Route::gatewayId).filter(IdFormat.VPC_ENDPOINT::matches).distinct().toList();
        }

        /** The id AWS shows for a main table's implicit association: derived, the same at every call. */
        public String mainAssociationId() {
            return mainAssociationIdOf(table.routeTableId());
        }
    }

    record Deleted(RouteTableCreated table) implements RouteTable {
    }

    /** The id of the main association of the main table {@code routeTableId}. */
    static String mainAssociationIdOf(String routeTableId) {
        return DerivedId.of(IdFormat.ROUTE_TABLE_ASSOCIATION.prefix(), routeTableId, "main");
    }

    /** The table {@code routeTableId} as {@code caller} may use it: only its owner sees it, until it is deleted. */
    default Table ownedBy(String caller, String routeTableId, String field) {
        if (this instanceof Table t && t.table().ownerId().equals(caller)) {
            return t;
        }
        throw Rejection.notFound(ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND, field,
                "The routeTable ID '" + routeTableId + "' does not exist");
    }

    /** The commands of a route table's stream; each is decided on a table its caller owns (see {@link #ownedBy}). */
    sealed interface Command {
        record Create(RouteTableCreated table) implements Command {
        }

        /** Add a route, as its owner asks or for a Gateway endpoint. */
        record AddRoute(Route route) implements Command {
        }

        /**
         * Remove the route to {@code destination}. {@code byEndpoint} is true when a Gateway endpoint takes its own
         * route away; its owner cannot remove that one by hand, only by changing the endpoint.
         */
        record RemoveRoute(String destination, boolean byEndpoint) implements Command {
        }

        record Associate(String associationId, String subnetId) implements Command {
        }

        record Disassociate(String associationId) implements Command {
        }

        /** Delete the table; {@code withVpc} when its VPC goes, which alone takes a main table. */
        record Delete(boolean withVpc) implements Command {
        }
    }

    Decider<Command, RouteTable, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public RouteTable initialState() {
            return new NoTable();
        }

        @Override
        public List<NetworkEvent> decide(Command command, RouteTable state) {
            if (command instanceof Command.Create create) {
                if (!(state instanceof NoTable)) {
                    throw new IllegalStateException("route table " + create.table().routeTableId() + " exists");
                }
                return List.of(create.table());
            }
            if (!(state instanceof Table table)) {
                throw new IllegalStateException("a command on a route table that is " + state);
            }
            String id = table.routeTableId();
            return switch (command) {
                case Command.Create create -> throw new IllegalStateException("decided above");
                case Command.AddRoute add -> {
                    if (table.routeTo(add.route().destination()).isPresent()) {
                        throw Rejection.invalid(ErrorCode.ROUTE_ALREADY_EXISTS,
                                destinationField(add.route().destination()),
                                "The route identified by " + add.route().destination() + " already exists");
                    }
                    yield List.of(new RouteCreated(id, add.route()));
                }
                case Command.RemoveRoute remove -> {
                    String field = destinationField(remove.destination());
                    Route route = table.routeTo(remove.destination()).orElseThrow(() -> Rejection.invalid(
                            ErrorCode.INVALID_ROUTE_NOT_FOUND, field, "There is no route defined for '"
                                    + remove.destination() + "' in the route table " + id));
                    if (route.isLocal()) {
                        throw Rejection.invalidValue(field,
                                "cannot remove local route " + remove.destination() + " in route table " + id);
                    }
                    if (!remove.byEndpoint() && IdFormat.VPC_ENDPOINT.matches(route.gatewayId())) {
                        throw Rejection.invalidValue(field, "The route to " + remove.destination()
                                + " belongs to the Gateway endpoint " + route.gatewayId()
                                + "; remove the route table from the endpoint (ModifyVpcEndpoint) instead");
                    }
                    yield List.of(new RouteDeleted(id, remove.destination()));
                }
                case Command.Associate associate -> {
                    if (table.associations().containsValue(associate.subnetId())) {
                        throw Rejection.invalid(ErrorCode.RESOURCE_ALREADY_ASSOCIATED, "subnetId", "the subnet "
                                + associate.subnetId() + " is already associated with route table " + id);
                    }
                    yield List.of(new RouteTableAssociated(id, associate.associationId(), associate.subnetId()));
                }
                case Command.Disassociate disassociate -> {
                    String subnetId = table.associations().get(disassociate.associationId());
                    if (subnetId == null) {
                        throw Rejection.notFound(ErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND, "associationId",
                                "The association ID '" + disassociate.associationId() + "' does not exist");
                    }
                    yield List.of(new RouteTableDisassociated(id, disassociate.associationId(), subnetId));
                }
                case Command.Delete delete -> {
                    if (table.table().main() && !delete.withVpc()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "routeTableId", "The routeTable '"
                                + id + "' is the main route table of " + table.table().vpcId()
                                + " and cannot be deleted; it goes with its VPC");
                    }
                    if (!table.associations().isEmpty()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "routeTableId", "The routeTable '"
                                + id + "' has dependencies and cannot be deleted: it is associated with "
                                + String.join(", ", table.associations().values()));
                    }
                    yield List.of(new RouteTableDeleted(id, table.table().vpcId(), table.table().ownerId()));
                }
            };
        }

        @Override
        public RouteTable evolve(RouteTable state, NetworkEvent event, Instant recordedAt) {
            if (event instanceof RouteTableCreated created) {
                return new Table(created, List.of(Route.local(created.vpcCidrBlock())), Map.of());
            }
            if (!(state instanceof Table table)) {
                throw new IllegalStateException(event.eventType() + " on a route table that is " + state);
            }
            return switch (event) {
                case RouteCreated r -> {
                    List<Route> routes = new ArrayList<>(table.routes());
                    routes.add(r.route());
                    yield new Table(table.table(), routes, table.associations());
                }
                case RouteDeleted r -> new Table(table.table(), table.routes().stream()
                        .filter(route -> !route.destination().equals(r.destination())).toList(),
                        table.associations());
                case RouteTableAssociated a -> {
                    Map<String, String> associations = new LinkedHashMap<>(table.associations());
                    associations.put(a.associationId(), a.subnetId());
                    yield new Table(table.table(), table.routes(), associations);
                }
                case RouteTableDisassociated d -> {
                    Map<String, String> associations = new LinkedHashMap<>(table.associations());
                    associations.remove(d.associationId());
                    yield new Table(table.table(), table.routes(), associations);
                }
                case RouteTableDeleted d -> new Deleted(table.table());
                default -> throw new IllegalStateException("not an event of a route table: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(RouteTable state) {
            return state instanceof Deleted;
        }

        /** The request field that names {@code destination}: a prefix list's id, or else a CIDR block. */
        private static String destinationField(String destination) {
            return IdFormat.PREFIX_LIST.matches(destination) ? "destinationPrefixListId" : "destinationCidrBlock";
        }
    };
}

package dev.privet.network.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.network.domain.ManagedPrefixList;
import dev.privet.network.domain.RouteTable;
import dev.privet.network.projection.NetworkInterfaceRow;
import dev.privet.network.projection.RouteTableRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The JSON shapes of route tables and prefix lists: requests and what the API answers with. */
public final class RouteTableDtos {
    private RouteTableDtos() {
    }

    public record CreateRouteTable(String vpcId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
    }

    /**
     * A route to add: one destination and one target. Only {@code networkInterfaceId} is a target Privet has; the
     * others AWS routes to are fields here so that each is refused by name, not ignored.
     */
    public record CreateRoute(String destinationCidrBlock, String destinationIpv6CidrBlock,
                              String destinationPrefixListId, String networkInterfaceId, String gatewayId,
                              String vpcEndpointId, String natGatewayId, String transitGatewayId, String instanceId,
                              String vpcPeeringConnectionId, String localGatewayId, String carrierGatewayId,
                              String egressOnlyInternetGatewayId, String coreNetworkArn) {
    }

    /** An association to make: a subnet ({@code gatewayId}, AWS's edge association, is refused by name). */
    public record CreateAssociation(String subnetId, String gatewayId) {
    }

    /**
     * A route as AWS shows it; {@code state} is {@code blackhole} once the interface it goes through is deleted (an
     * endpoint's, deleted with it), else {@code active}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RouteView(String destinationCidrBlock, String destinationPrefixListId, String gatewayId,
                            String networkInterfaceId, String origin, String state) {
        static RouteView of(Route route, Set<String> liveInterfaces) {
            boolean blackhole = route.networkInterfaceId() != null
                    && !liveInterfaces.contains(route.networkInterfaceId());
            return new RouteView(route.destinationCidrBlock(), route.destinationPrefixListId(), route.gatewayId(),
                    route.networkInterfaceId(), route.origin(), blackhole ? "blackhole" : "active");
        }
    }

    /** An association: a subnet's, or ({@code main}) the implicit one of a VPC's main table. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssociationView(String associationId, String routeTableId, String subnetId, boolean main) {
    }

    public record RouteTableView(String routeTableId, String vpcId, String ownerId, boolean main,
                                 List<RouteView> routes, List<AssociationView> associations, List<Tag> tags) {
        static RouteTableView of(RouteTableRow row, List<Tag> tags) {
            List<Route> routes = row.routes;
            Set<String> live = NetworkInterfaceRow.existing(routes.stream().map(Route::networkInterfaceId)
                    .filter(Objects::nonNull).toList());
            List<AssociationView> associations = new ArrayList<>();
            if (row.main) {
                associations.add(new AssociationView(RouteTable.mainAssociationIdOf(row.routeTableId),
                        row.routeTableId, null, true));
            }
            row.associations.forEach(a -> associations.add(new AssociationView(a.associationId(), row.routeTableId,
                    a.subnetId(), false)));
            return new RouteTableView(row.routeTableId, row.vpcId, row.ownerId, row.main,
                    routes.stream().map(route -> RouteView.of(route, live)).toList(), associations, tags);
        }
    }

    public record PrefixList(String prefixListId, String prefixListName, List<String> cidrs) {
        static PrefixList of(ManagedPrefixList list) {
            return new PrefixList(list.prefixListId(), list.prefixListName(), list.cidrs());
        }
    }
}

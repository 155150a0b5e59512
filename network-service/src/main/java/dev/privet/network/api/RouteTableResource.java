package dev.privet.network.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.RouteTableDtos.AssociationView;
import dev.privet.network.api.RouteTableDtos.CreateAssociation;
import dev.privet.network.api.RouteTableDtos.CreateRoute;
import dev.privet.network.api.RouteTableDtos.CreateRouteTable;
import dev.privet.network.api.RouteTableDtos.RouteTableView;
import dev.privet.network.api.RouteTableDtos.RouteView;
import dev.privet.network.app.RouteTableCommands;
import dev.privet.network.projection.RouteTableRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.tags.RequestedTags;
import dev.privet.runtime.tags.ResourceTagRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/**
 * Route tables of the caller's VPCs: each VPC has a main one from its creation; others are made, given routes and
 * associated with subnets here.
 */
@Path("/v1/route-tables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RouteTableResource {
    private static final String ROUTE_TABLE_ID = "routeTableId";

    private final RouteTableCommands commands;

    RouteTableResource(RouteTableCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateRouteTable body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        String vpcId = RequestFields.id(body.vpcId(), IdFormat.VPC, "vpcId");
        var tags = RequestedTags.of(body.tags(), "tags");
        String routeTableId = commands.create(caller, IdempotencyKey.of(caller, idempotencyKey, body), vpcId, tags);
        return Response.status(201).entity(view(caller, routeTableId)).build();
    }

    @GET
    public List<RouteTableView> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return ResourceTagRow.withTags(RouteTableRow.ownedBy(caller.value()), row -> row.routeTableId,
                RouteTableView::of);
    }

    @GET
    @Path("/{routeTableId}")
    public RouteTableView get(@HeaderParam(Caller.HEADER) String account,
                              @PathParam(ROUTE_TABLE_ID) String routeTableId) {
        AccountId caller = Caller.require(account);
        return view(caller, RequestFields.id(routeTableId, IdFormat.ROUTE_TABLE, ROUTE_TABLE_ID));
    }

    /** Deletes a table that is not its VPC's main one and has no subnets (else 400 {@code DependencyViolation}). */
    @DELETE
    @Path("/{routeTableId}")
    public Response delete(@HeaderParam(Caller.HEADER) String account,
                           @PathParam(ROUTE_TABLE_ID) String routeTableId) {
        AccountId caller = Caller.require(account);
        commands.delete(caller, RequestFields.id(routeTableId, IdFormat.ROUTE_TABLE, ROUTE_TABLE_ID));
        return Response.noContent().build();
    }

    /** Adds a route through a network interface of the table's VPC: 201 with the route. */
    @POST
    @Path("/{routeTableId}/routes")
    public Response addRoute(@HeaderParam(Caller.HEADER) String account,
                             @PathParam(ROUTE_TABLE_ID) String routeTableId, CreateRoute body) {
        AccountId caller = Caller.require(account);
        RequestFields.id(routeTableId, IdFormat.ROUTE_TABLE, ROUTE_TABLE_ID);
        Route route = commands.addRoute(caller, routeTableId, RouteRequests.route(body));
        return Response.status(201).entity(RouteView.of(route, Set.of(route.networkInterfaceId()))).build();
    }

    /** Removes the route to the destination named, one of the query's parameters. */
    @DELETE
    @Path("/{routeTableId}/routes")
    public Response removeRoute(@HeaderParam(Caller.HEADER) String account,
                                @PathParam(ROUTE_TABLE_ID) String routeTableId,
                                @QueryParam("destinationCidrBlock") String destinationCidrBlock,
                                @QueryParam("destinationPrefixListId") String destinationPrefixListId,
                                @QueryParam("destinationIpv6CidrBlock") String destinationIpv6CidrBlock) {
        AccountId caller = Caller.require(account);
        RequestFields.id(routeTableId, IdFormat.ROUTE_TABLE, ROUTE_TABLE_ID);
        commands.removeRoute(caller, routeTableId, RouteRequests.destination(destinationCidrBlock,
                destinationPrefixListId, destinationIpv6CidrBlock));
        return Response.noContent().build();
    }

    /** Associates a subnet of the table's VPC with it: 201 with the new association. */
    @POST
    @Path("/{routeTableId}/associations")
    public Response associate(@HeaderParam(Caller.HEADER) String account,
                              @PathParam(ROUTE_TABLE_ID) String routeTableId, CreateAssociation body) {
        AccountId caller = Caller.require(account);
        RequestFields.id(routeTableId, IdFormat.ROUTE_TABLE, ROUTE_TABLE_ID);
        RequestFields.present(body, "body");
        if (body.gatewayId() != null) {
            throw Rejection.invalidValue("gatewayId", "gatewayId is not supported: Privet has no internet or virtual "
                    + "private gateways to associate a route table with; give a subnetId");
        }
        String subnetId = RequestFields.id(body.subnetId(), IdFormat.SUBNET, "subnetId");
        String associationId = commands.associate(caller, routeTableId, subnetId);
        return Response.status(201).entity(new AssociationView(associationId, routeTableId, subnetId, false)).build();
    }

    private static RouteTableView view(AccountId caller, String routeTableId) {
        return RouteTableRow.findOwned(caller.value(), routeTableId)
                .map(row -> RouteTableView.of(row, ResourceTagRow.of(routeTableId)))
                .orElseThrow(() -> Rejection.notFound(ErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND, ROUTE_TABLE_ID,
                        "The routeTable ID '" + routeTableId + "' does not exist"));
    }
}

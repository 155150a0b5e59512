package dev.privet.network.api;

import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.app.RouteTableCommands;
import dev.privet.runtime.Caller;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A subnet's association with a route table, by its id alone, as EC2's DisassociateRouteTable names it. */
@Path("/v1/route-table-associations")
@Produces(MediaType.APPLICATION_JSON)
public class RouteTableAssociationResource {
    private final RouteTableCommands commands;

    RouteTableAssociationResource(RouteTableCommands commands) {
        this.commands = commands;
    }

    /** Ends the association: 204; the subnet uses its VPC's main table again. */
    @DELETE
    @Path("/{associationId}")
    public Response disassociate(@HeaderParam(Caller.HEADER) String account,
                                 @PathParam("associationId") String associationId) {
        AccountId caller = Caller.require(account);
        commands.disassociate(caller, RequestFields.id(associationId, IdFormat.ROUTE_TABLE_ASSOCIATION,
                "associationId"));
        return Response.noContent().build();
    }
}

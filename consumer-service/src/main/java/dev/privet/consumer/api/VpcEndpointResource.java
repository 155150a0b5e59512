package dev.privet.consumer.api;

import dev.privet.consumer.app.VpcEndpointCommands;
import dev.privet.consumer.app.VpcEndpointQueries;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.runtime.ApiException;
import dev.privet.runtime.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The VPC endpoints of the calling account: create, read, list, delete. */
@Path("/v1/vpc-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VpcEndpointResource {
    private final VpcEndpointCommands commands;
    private final VpcEndpointQueries queries;

    VpcEndpointResource(VpcEndpointCommands commands, VpcEndpointQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account, CreateVpcEndpointRequest body) {
        var caller = Caller.require(account);
        var request = (body == null ? new CreateVpcEndpointRequest(null, null, null, null, null) : body).validated();
        var endpoint = commands.create(caller, request);
        return Response.status(Response.Status.CREATED).entity(VpcEndpointResponse.of(endpoint)).build();
    }

    @GET
    @Path("/{id}")
    public VpcEndpointResponse get(@HeaderParam(Caller.HEADER) String account, @PathParam("id") String id) {
        var caller = Caller.require(account);
        return VpcEndpointResponse.of(queries.get(caller, wellFormed(id)));
    }

    @GET
    public List<VpcEndpointResponse> list(@HeaderParam(Caller.HEADER) String account) {
        return queries.list(Caller.require(account)).stream().map(VpcEndpointResponse::of).toList();
    }

    @DELETE
    @Path("/{id}")
    public VpcEndpointResponse delete(@HeaderParam(Caller.HEADER) String account, @PathParam("id") String id) {
        var caller = Caller.require(account);
        return VpcEndpointResponse.of(commands.delete(caller, wellFormed(id)));
    }

    private static String wellFormed(String id) {
        if (!IdFormat.VPC_ENDPOINT.matches(id)) {
            throw new ApiException(400, "InvalidVpcEndpointId.Malformed", "vpcEndpointId",
                    "Invalid Id: '" + id + "' (expecting 'vpce-...')");
        }
        return id;
    }
}

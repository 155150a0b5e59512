package dev.privet.consumer.api;

import dev.privet.consumer.app.VpcEndpointCommands;
import dev.privet.consumer.app.VpcEndpointQueries;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.history.HistoryEntry;
import dev.privet.runtime.history.StreamHistory;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.runtime.tags.ResourceTagRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Set;

/**
 * The VPC endpoints of the calling account: create, read, list, modify, delete, and history. Changes record the principal the
 * gateway says the request acts for.
 */
@Path("/v1/vpc-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VpcEndpointResource {
    private final VpcEndpointCommands commands;
    private final VpcEndpointQueries queries;
    private final StreamHistory history;

    VpcEndpointResource(VpcEndpointCommands commands, VpcEndpointQueries queries, StreamHistory history) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
    }

    /** Creates an endpoint; a retry with the same {@code Idempotency-Key} and body returns the same endpoint. */
    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateVpcEndpointRequest body) {
        var caller = Caller.requester(account, principal);
        var request = (body == null ? new CreateVpcEndpointRequest(null, null, null, null, null, null, null, null) : body).validated();
        var endpoint = commands.create(caller, request, IdempotencyKey.of(caller.account(), idempotencyKey, request));
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
        return ResourceTagRow.withTags(queries.list(Caller.require(account)), VpcEndpoint::vpcEndpointId,
                VpcEndpointResponse::of);
    }

    /**
     * Changes the endpoint (ModifyVpcEndpoint): its subnets, security groups and policy. The answer is the endpoint;
     * with subnets changed it is {@code pending} until its names point at the new interfaces.
     */
    @PATCH
    @Path("/{id}")
    public VpcEndpointResponse modify(@HeaderParam(Caller.HEADER) String account,
                                      @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                      @PathParam("id") String id, ModifyVpcEndpointRequest body) {
        var caller = Caller.requester(account, principal);
        String endpointId = wellFormed(id);
        var change = (body == null ? ModifyVpcEndpointRequest.EMPTY : body).validated();
        return VpcEndpointResponse.of(commands.modify(caller, endpointId, change));
    }

    @DELETE
    @Path("/{id}")
    public VpcEndpointResponse delete(@HeaderParam(Caller.HEADER) String account,
                                      @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                      @PathParam("id") String id) {
        var caller = Caller.requester(account, principal);
        String endpointId = wellFormed(id);
        queries.get(caller.account(), endpointId); // deleted longer ago than it stays visible: gone, as GET says
        return VpcEndpointResponse.of(commands.delete(caller, endpointId));
    }

    /**
     * The endpoint's history: every change of it and of its tags, oldest first, each with its time, the principal it
     * acted for and its cause (see {@link HistoryEntry}); another account's endpoint is not found.
     */
    @GET
    @Path("/{id}/history")
    public List<HistoryEntry> history(@HeaderParam(Caller.HEADER) String account, @PathParam("id") String id) {
        var caller = Caller.require(account);
        return history.of(queries.get(caller, wellFormed(id)).vpcEndpointId(), caller, Set.of());
    }

    private static String wellFormed(String id) {
        if (!IdFormat.VPC_ENDPOINT.matches(id)) {
            throw Rejection.invalid(ErrorCode.INVALID_VPC_ENDPOINT_ID_MALFORMED, "vpcEndpointId",
                    "Invalid Id: " + CreateVpcEndpointRequest.shown(id) + " (expecting 'vpce-...')");
        }
        return id;
    }
}

package dev.privet.network.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.NetworkDtos.CreateVpc;
import dev.privet.network.api.NetworkDtos.Vpc;
import dev.privet.network.app.NetworkCommands;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.network.projection.VpcRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.tags.RequestedTags;
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

@Path("/v1/vpcs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VpcResource {
    private final NetworkCommands commands;

    VpcResource(NetworkCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateVpc body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        var cidr = RequestFields.cidr(body.cidrBlock(), "cidrBlock");
        var tags = RequestedTags.of(body.tags(), "tags");
        var created = commands.createVpc(caller, IdempotencyKey.of(caller, idempotencyKey, body), cidr, tags);
        return Response.status(201).entity(Vpc.of(created.vpc(), created.attributes(),
                ResourceTagRow.of(created.vpc().vpcId()))).build();
    }

    @GET
    public List<Vpc> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return ResourceTagRow.withTags(VpcRow.ownedBy(caller.value()), row -> row.vpcId, Vpc::of);
    }

    /** Deletes a VPC that has no subnets left (else 400 {@code DependencyViolation}). */
    @DELETE
    @Path("/{vpcId}")
    public Response delete(@HeaderParam(Caller.HEADER) String account, @PathParam("vpcId") String vpcId) {
        AccountId caller = Caller.require(account);
        commands.deleteVpc(caller, RequestFields.id(vpcId, IdFormat.VPC, "vpcId"));
        return Response.noContent().build();
    }

    /**
     * Changes the VPC's attributes named in the body ({@code enableDnsSupport}, {@code enableDnsHostnames},
     * {@code enableNetworkAddressUsageMetrics}); the answer is the VPC with all of them.
     */
    @PATCH
    @Path("/{vpcId}/attributes")
    public Vpc modifyAttributes(@HeaderParam(Caller.HEADER) String account, @PathParam("vpcId") String vpcId,
                                JsonNode body) {
        AccountId caller = Caller.require(account);
        RequestFields.id(vpcId, IdFormat.VPC, "vpcId");
        var modified = commands.modifyVpcAttributes(VpcAttributesChange.of(caller, vpcId, body));
        return Vpc.of(modified.vpc(), modified.attributes(), ResourceTagRow.of(vpcId));
    }

    @GET
    @Path("/{vpcId}")
    public Vpc get(@HeaderParam(Caller.HEADER) String account, @PathParam("vpcId") String vpcId) {
        AccountId caller = Caller.require(account);
        RequestFields.id(vpcId, IdFormat.VPC, "vpcId");
        return VpcRow.findOwned(caller.value(), vpcId).map(row -> Vpc.of(row, ResourceTagRow.of(vpcId))).orElseThrow(() -> Rejection.notFound(
                ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId", "The vpc ID '" + vpcId + "' does not exist"));
    }
}

package dev.privet.network.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.NetworkDtos.CreateSubnet;
import dev.privet.network.api.NetworkDtos.Subnet;
import dev.privet.network.app.NetworkCommands;
import dev.privet.network.domain.Cidr;
import dev.privet.network.projection.SubnetRow;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/v1/subnets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubnetResource {
    private final NetworkCommands commands;

    SubnetResource(NetworkCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateSubnet body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        String vpcId = RequestFields.id(body.vpcId(), IdFormat.VPC, "vpcId");
        Cidr cidr = RequestFields.cidr(body.cidrBlock(), "cidrBlock");
        String zone = RequestFields.text(body.availabilityZone(), "availabilityZone", 32);
        var tags = RequestedTags.of(body.tags(), "tags");
        var subnet = commands.createSubnet(caller, IdempotencyKey.of(caller, idempotencyKey, body), vpcId, cidr, zone,
                tags);
        SubnetCreated s = subnet.created();
        return Response.status(201).entity(new Subnet(s.subnetId(), s.vpcId(), s.cidrBlock(), s.availabilityZone(),
                subnet.availableAddressCount(), s.ownerId(), "available", ResourceTagRow.of(s.subnetId()))).build();
    }

    @GET
    public List<Subnet> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return ResourceTagRow.withTags(SubnetRow.ownedBy(caller.value()), row -> row.subnetId, Subnet::of);
    }

    /** Deletes a subnet with no interfaces and no load balancers in it (else 400 {@code DependencyViolation}). */
    @DELETE
    @Path("/{subnetId}")
    public Response delete(@HeaderParam(Caller.HEADER) String account, @PathParam("subnetId") String subnetId) {
        AccountId caller = Caller.require(account);
        commands.deleteSubnet(caller, RequestFields.id(subnetId, IdFormat.SUBNET, "subnetId"));
        return Response.noContent().build();
    }

    @GET
    @Path("/{subnetId}")
    public Subnet get(@HeaderParam(Caller.HEADER) String account, @PathParam("subnetId") String subnetId) {
        AccountId caller = Caller.require(account);
        RequestFields.id(subnetId, IdFormat.SUBNET, "subnetId");
        return SubnetRow.findOwned(caller.value(), subnetId).map(row -> Subnet.of(row, ResourceTagRow.of(subnetId)))
                .orElseThrow(() -> Rejection.notFound(
                ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetId", "The subnet ID '" + subnetId + "' does not exist"));
    }
}

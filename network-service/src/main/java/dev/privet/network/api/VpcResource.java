package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.NetworkDtos.CreateVpc;
import dev.privet.network.api.NetworkDtos.Vpc;
import dev.privet.network.app.NetworkCommands;
import dev.privet.network.projection.NetworkReads;
import dev.privet.network.projection.NetworkView;
import dev.privet.runtime.ApiException;
import dev.privet.runtime.Caller;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.ReadYourWrites;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
    private final NetworkReads reads;
    private final ReadYourWrites readYourWrites;
    private final EventRuntime runtime;

    VpcResource(NetworkCommands commands, NetworkReads reads, ReadYourWrites readYourWrites, EventRuntime runtime) {
        this.commands = commands;
        this.reads = reads;
        this.readYourWrites = readYourWrites;
        this.runtime = runtime;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account, CreateVpc body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        VpcCreated vpc = commands.createVpc(caller, RequestFields.cidr(body.cidrBlock(), "cidrBlock"));
        return Response.status(201)
                .entity(new Vpc(vpc.vpcId(), vpc.cidrBlock(), vpc.ownerId(), vpc.region(), "available")).build();
    }

    @GET
    public List<Vpc> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        runtime.awaitCaughtUp(NetworkView.NAME);
        return reads.vpcs(caller.value(), null);
    }

    @GET
    @Path("/{vpcId}")
    public Vpc get(@HeaderParam(Caller.HEADER) String account, @PathParam("vpcId") String vpcId) {
        AccountId caller = Caller.require(account);
        RequestFields.id(vpcId, IdFormat.VPC, "vpcId");
        readYourWrites.await(vpcId, reads.versionOf("vpcs", "vpc_id", vpcId));
        return reads.vpcs(caller.value(), vpcId).stream().findFirst().orElseThrow(() ->
                ApiException.notFound("InvalidVpcID.NotFound", "vpcId", "The vpc ID '" + vpcId + "' does not exist"));
    }
}

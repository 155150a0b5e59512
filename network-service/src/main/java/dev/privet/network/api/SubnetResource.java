package dev.privet.network.api;

import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.NetworkDtos.CreateSubnet;
import dev.privet.network.api.NetworkDtos.Subnet;
import dev.privet.network.app.NetworkCommands;
import dev.privet.network.domain.Cidr;
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

@Path("/v1/subnets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubnetResource {
    private final NetworkCommands commands;
    private final NetworkReads reads;
    private final ReadYourWrites readYourWrites;
    private final EventRuntime runtime;

    SubnetResource(NetworkCommands commands, NetworkReads reads, ReadYourWrites readYourWrites, EventRuntime runtime) {
        this.commands = commands;
        this.reads = reads;
        this.readYourWrites = readYourWrites;
        this.runtime = runtime;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account, CreateSubnet body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        String vpcId = RequestFields.id(body.vpcId(), IdFormat.VPC, "vpcId");
        Cidr cidr = RequestFields.cidr(body.cidrBlock(), "cidrBlock");
        String zone = RequestFields.text(body.availabilityZone(), "availabilityZone");
        SubnetCreated s = commands.createSubnet(caller, vpcId, cidr, zone);
        return Response.status(201).entity(new Subnet(s.subnetId(), s.vpcId(), s.cidrBlock(), s.availabilityZone(),
                dev.privet.network.domain.Subnet.usableAddresses(cidr), s.ownerId(), "available")).build();
    }

    @GET
    public List<Subnet> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        runtime.awaitCaughtUp(NetworkView.NAME);
        return reads.subnets(caller.value(), null);
    }

    @GET
    @Path("/{subnetId}")
    public Subnet get(@HeaderParam(Caller.HEADER) String account, @PathParam("subnetId") String subnetId) {
        AccountId caller = Caller.require(account);
        RequestFields.id(subnetId, IdFormat.SUBNET, "subnetId");
        readYourWrites.await(subnetId, reads.versionOf("subnets", "subnet_id", subnetId));
        return reads.subnets(caller.value(), subnetId).stream().findFirst().orElseThrow(() -> ApiException.notFound(
                "InvalidSubnetID.NotFound", "subnetId", "The subnet ID '" + subnetId + "' does not exist"));
    }
}

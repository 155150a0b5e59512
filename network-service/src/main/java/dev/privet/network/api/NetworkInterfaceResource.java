package dev.privet.network.api;

import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.NetworkDtos.NetworkInterface;
import dev.privet.network.projection.NetworkInterfaceRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.tags.ResourceTagRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The interfaces of endpoints in the caller's subnets, optionally those of one endpoint. */
@Path("/v1/network-interfaces")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkInterfaceResource {
    @GET
    public List<NetworkInterface> list(@HeaderParam(Caller.HEADER) String account,
                                       @QueryParam("vpcEndpointId") String vpcEndpointId) {
        AccountId caller = Caller.require(account);
        if (vpcEndpointId == null) {
            return ResourceTagRow.withTags(NetworkInterfaceRow.inSubnetsOf(caller.value()),
                    row -> row.networkInterfaceId, NetworkInterface::of);
        }
        RequestFields.id(vpcEndpointId, IdFormat.VPC_ENDPOINT, "vpcEndpointId");
        return ResourceTagRow.withTags(NetworkInterfaceRow.ofEndpointInSubnetsOf(caller.value(), vpcEndpointId),
                row -> row.networkInterfaceId, NetworkInterface::of);
    }
}

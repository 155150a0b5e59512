package dev.privet.network.api;

import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.NetworkDtos.NetworkInterface;
import dev.privet.network.projection.EndpointSecurityGroupsRow;
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
import java.util.Map;

/** The interfaces of endpoints in the caller's subnets, optionally those of one endpoint. */
@Path("/v1/network-interfaces")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkInterfaceResource {
    @GET
    public List<NetworkInterface> list(@HeaderParam(Caller.HEADER) String account,
                                       @QueryParam("vpcEndpointId") String vpcEndpointId) {
        AccountId caller = Caller.require(account);
        if (vpcEndpointId == null) {
            return shown(NetworkInterfaceRow.inSubnetsOf(caller.value()));
        }
        RequestFields.id(vpcEndpointId, IdFormat.VPC_ENDPOINT, "vpcEndpointId");
        return shown(NetworkInterfaceRow.ofEndpointInSubnetsOf(caller.value(), vpcEndpointId));
    }

    /** The interfaces with their endpoints' groups and their tags. */
    private static List<NetworkInterface> shown(List<NetworkInterfaceRow> rows) {
        Map<String, List<String>> groups = EndpointSecurityGroupsRow.of(rows.stream().map(row -> row.vpcEndpointId)
                .toList());
        return ResourceTagRow.withTags(rows, row -> row.networkInterfaceId, (row, tags) -> NetworkInterface.of(row,
                groups.getOrDefault(row.vpcEndpointId, List.of()), tags));
    }
}

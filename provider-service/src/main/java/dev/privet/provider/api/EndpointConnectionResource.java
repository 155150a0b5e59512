package dev.privet.provider.api;

import dev.privet.contracts.ids.AccountId;
import dev.privet.provider.projection.EndpointConnectionRow;
import dev.privet.provider.projection.EndpointServiceRow;
import dev.privet.runtime.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The connections to every service the caller owns, as EC2's DescribeVpcEndpointConnections lists them; one
 * service's are also at {@code /v1/endpoint-services/{id}/connections}. Read from the inline read model.
 */
@Path("/v1/endpoint-connections")
@Produces(MediaType.APPLICATION_JSON)
public class EndpointConnectionResource {

    @GET
    public List<ConnectionResponse> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        Map<String, EndpointServiceRow> services = EndpointServiceRow.ownedBy(caller.value()).stream()
                .collect(Collectors.toMap(s -> s.serviceId, Function.identity()));
        return EndpointConnectionRow.ofServices(services.keySet()).stream()
                .map(row -> ConnectionResponse.of(row, services.get(row.serviceId))).toList();
    }
}

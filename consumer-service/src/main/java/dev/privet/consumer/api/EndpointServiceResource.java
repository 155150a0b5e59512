package dev.privet.consumer.api;

import dev.privet.consumer.app.VpcEndpointQueries;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.runtime.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The services the calling account may find (DescribeVpcEndpointServices): AWS's own and the providers' it may use. */
@Path("/v1/vpc-endpoint-services")
@Produces(MediaType.APPLICATION_JSON)
public class EndpointServiceResource {
    private final VpcEndpointQueries queries;

    EndpointServiceResource(VpcEndpointQueries queries) {
        this.queries = queries;
    }

    @GET
    public List<EndpointServiceResponse> list(@HeaderParam(Caller.HEADER) String account,
                                              @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                              @QueryParam("serviceName") String serviceName) {
        var caller = Caller.requester(account, principal);
        if (serviceName != null && serviceName.length() > CreateVpcEndpointRequest.MAX_SERVICE_NAME) {
            throw Rejection.invalidValue("serviceName", "serviceName must be at most "
                    + CreateVpcEndpointRequest.MAX_SERVICE_NAME + " characters, got " + serviceName.length());
        }
        return queries.services(caller, serviceName).stream().map(EndpointServiceResponse::of).toList();
    }
}

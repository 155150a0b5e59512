package dev.privet.provider.api;

import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.Transactions;
import dev.privet.provider.app.EndpointServices;
import dev.privet.provider.domain.EndpointService;
import dev.privet.provider.projection.EndpointServiceView;
import dev.privet.provider.projection.EndpointServicesProjection;
import dev.privet.provider.projection.EndpointServiceView.ServiceRow;
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

/** The owner's API of endpoint services: create, read, list, permissions and connections. */
@Path("/v1/endpoint-services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointServiceResource {
    private static final String SERVICE_ID = "serviceId";

    private final EndpointServices services;
    private final EndpointServiceView view;
    private final Transactions transactions;
    private final ReadYourWrites readYourWrites;
    private final EventRuntime eventRuntime;

    EndpointServiceResource(EndpointServices services, EndpointServiceView view, Transactions transactions,
                            ReadYourWrites readYourWrites, EventRuntime eventRuntime) {
        this.eventRuntime = eventRuntime;
        this.services = services;
        this.view = view;
        this.transactions = transactions;
        this.readYourWrites = readYourWrites;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account, CreateEndpointServiceRequest body) {
        AccountId caller = Caller.require(account);
        CreateEndpointServiceRequest request = body == null ? new CreateEndpointServiceRequest(null, null) : body;
        request.validate(caller);
        EndpointService created = services.create(caller, request.networkLoadBalancerArns(),
                request.acceptanceRequiredOrDefault());
        return Response.status(Response.Status.CREATED).entity(EndpointServiceResponse.of(created)).build();
    }

    @GET
    public List<EndpointServiceResponse> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        // A list names no one stream: wait instead until the read model has applied everything published so far.
        eventRuntime.awaitCaughtUp(EndpointServicesProjection.NAME);
        return transactions.inTransaction(c -> view.ownedBy(c, caller.value())).stream()
                .map(EndpointServiceResponse::of).toList();
    }

    @GET
    @Path("/{serviceId}")
    public EndpointServiceResponse get(@HeaderParam(Caller.HEADER) String account,
                                       @PathParam(SERVICE_ID) String serviceId) {
        return EndpointServiceResponse.of(owned(Caller.require(account), serviceId));
    }

    @GET
    @Path("/{serviceId}/permissions")
    public PermissionsResponse permissions(@HeaderParam(Caller.HEADER) String account,
                                           @PathParam(SERVICE_ID) String serviceId) {
        owned(Caller.require(account), serviceId);
        return PermissionsResponse.of(transactions.inTransaction(c -> view.allowedPrincipals(c, serviceId)));
    }

    @POST
    @Path("/{serviceId}/permissions")
    public PermissionsResponse modifyPermissions(@HeaderParam(Caller.HEADER) String account,
                                                 @PathParam(SERVICE_ID) String serviceId,
                                                 ModifyPermissionsRequest body) {
        AccountId caller = Caller.require(account);
        requireWellFormed(serviceId);
        ModifyPermissionsRequest request = body == null ? new ModifyPermissionsRequest(null, null) : body;
        request.validate();
        EndpointService service = services.modifyPermissions(caller, serviceId, request.add(), request.remove());
        return PermissionsResponse.of(service.allowedPrincipals());
    }

    @GET
    @Path("/{serviceId}/connections")
    public List<ConnectionResponse> connections(@HeaderParam(Caller.HEADER) String account,
                                                @PathParam(SERVICE_ID) String serviceId) {
        owned(Caller.require(account), serviceId);
        return transactions.inTransaction(c -> view.connections(c, serviceId)).stream()
                .map(ConnectionResponse::of).toList();
    }

    /** The service as the read model holds it once it has caught up with the store; another owner's is not found. */
    private ServiceRow owned(AccountId caller, String serviceId) {
        requireWellFormed(serviceId);
        readYourWrites.await(serviceId, c -> view.version(c, serviceId));
        return transactions.inTransaction(c -> view.find(c, serviceId))
                .filter(s -> s.ownerId().equals(caller.value()))
                .orElseThrow(() -> ApiException.notFound("InvalidVpcEndpointServiceId.NotFound", SERVICE_ID,
                        "the endpoint service " + serviceId + " does not exist"));
    }

    private static void requireWellFormed(String serviceId) {
        if (!IdFormat.ENDPOINT_SERVICE.matches(serviceId)) {
            throw new ApiException(400, "InvalidVpcEndpointServiceId.Malformed", SERVICE_ID,
                    "not an endpoint service id (vpce-svc- and 17 hex digits): '" + serviceId + "'");
        }
    }
}

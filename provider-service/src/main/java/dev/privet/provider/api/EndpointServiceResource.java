package dev.privet.provider.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.http.PrivetHeaders;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Requester;
import dev.privet.provider.app.EndpointServices;
import dev.privet.provider.domain.EndpointService;
import dev.privet.provider.projection.EndpointConnectionRow;
import dev.privet.provider.projection.EndpointServiceRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.history.HistoryEntry;
import dev.privet.runtime.history.StreamHistory;
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
import java.util.Set;

/**
 * The owner's API of endpoint services: create, read, list, modify, delete, permissions, connections with their
 * acceptance and rejection, and history. Changes record the principal the gateway says the request acts for. Reads
 * come from the inline read model and never wait: every committed write is already in it.
 */
@Path("/v1/endpoint-services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EndpointServiceResource {
    private static final String SERVICE_ID = "serviceId";
    /** What a consumer's endpoint told the provider of its network, which AWS never shows the provider. */
    private static final Set<String> CONSUMERS_OWN = Set.of("vpcId", "subnetIds");

    private final EndpointServices services;
    private final StreamHistory history;

    EndpointServiceResource(EndpointServices services, StreamHistory history) {
        this.services = services;
        this.history = history;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
                           CreateEndpointServiceRequest body) {
        Requester caller = Caller.requester(account, principal);
        CreateEndpointServiceRequest request = body == null ? new CreateEndpointServiceRequest(null, null, null)
                : body;
        request.validate(caller.account());
        var tags = RequestedTags.of(request.tags(), "tags");
        EndpointService created = services.create(caller, IdempotencyKey.of(caller.account(), idempotencyKey,
                        request.normalized()),
                request.networkLoadBalancerArns(), request.acceptanceRequiredOrDefault(), tags);
        return Response.status(Response.Status.CREATED)
                .entity(EndpointServiceResponse.of(created, ResourceTagRow.of(created.serviceId()))).build();
    }

    @GET
    public List<EndpointServiceResponse> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return ResourceTagRow.withTags(EndpointServiceRow.ownedBy(caller.value()), row -> row.serviceId,
                EndpointServiceResponse::of);
    }

    @GET
    @Path("/{serviceId}")
    public EndpointServiceResponse get(@HeaderParam(Caller.HEADER) String account,
                                       @PathParam(SERVICE_ID) String serviceId) {
        return EndpointServiceResponse.of(owned(Caller.require(account), serviceId), ResourceTagRow.of(serviceId));
    }

    /** Changes whether new connections wait for acceptance: 200, the service as it is now. */
    @PATCH
    @Path("/{serviceId}")
    public EndpointServiceResponse modify(@HeaderParam(Caller.HEADER) String account,
                                          @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                          @PathParam(SERVICE_ID) String serviceId, JsonNode body) {
        Requester caller = Caller.requester(account, principal);
        requireWellFormed(serviceId);
        ModifyEndpointServiceRequest request = ModifyEndpointServiceRequest.of(body);
        EndpointService service = services.changeAcceptance(caller, serviceId, request.acceptanceRequired());
        return EndpointServiceResponse.of(service, ResourceTagRow.of(serviceId));
    }

    /**
     * Deletes the caller's service: 204; another account's, or one already deleted, is 404; one with endpoints
     * connected or waiting for acceptance is 409 {@code ExistingVpcEndpointConnections}, and stays as it is.
     */
    @DELETE
    @Path("/{serviceId}")
    public Response delete(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                           @PathParam(SERVICE_ID) String serviceId) {
        Requester caller = Caller.requester(account, principal);
        requireWellFormed(serviceId);
        services.delete(caller, serviceId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{serviceId}/permissions")
    public PermissionsResponse permissions(@HeaderParam(Caller.HEADER) String account,
                                           @PathParam(SERVICE_ID) String serviceId) {
        return PermissionsResponse.of(List.copyOf(owned(Caller.require(account), serviceId).allowedPrincipals));
    }

    @POST
    @Path("/{serviceId}/permissions")
    public PermissionsResponse modifyPermissions(@HeaderParam(Caller.HEADER) String account,
                                                 @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                                 @PathParam(SERVICE_ID) String serviceId,
                                                 ModifyPermissionsRequest body) {
        Requester caller = Caller.requester(account, principal);
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
        EndpointServiceRow service = owned(Caller.require(account), serviceId);
        return EndpointConnectionRow.ofService(serviceId).stream().map(row -> ConnectionResponse.of(row, service))
                .toList();
    }

    /**
     * Accepts endpoints waiting for acceptance: 200 with those it left as they were (unknown, rejected, deleted),
     * each with AWS's code; the others are accepted (or were already) and their interfaces are built next.
     */
    @POST
    @Path("/{serviceId}/connections/acceptances")
    public ConnectionsOutcome accept(@HeaderParam(Caller.HEADER) String account,
                                     @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                     @PathParam(SERVICE_ID) String serviceId, ConnectionsRequest body) {
        Requester caller = Caller.requester(account, principal);
        requireWellFormed(serviceId);
        ConnectionsRequest request = ConnectionsRequest.checked(body, false);
        return ConnectionsOutcome.of(services.acceptConnections(caller, serviceId, request.vpcEndpointIds()));
    }

    /**
     * Rejects endpoints waiting for acceptance or accepted, with an optional reason their owners see: 200 with those
     * it left as they were; an endpoint that was available loses its names, then its interfaces.
     */
    @POST
    @Path("/{serviceId}/connections/rejections")
    public ConnectionsOutcome reject(@HeaderParam(Caller.HEADER) String account,
                                     @HeaderParam(PrivetHeaders.PRINCIPAL) String principal,
                                     @PathParam(SERVICE_ID) String serviceId, ConnectionsRequest body) {
        Requester caller = Caller.requester(account, principal);
        requireWellFormed(serviceId);
        ConnectionsRequest request = ConnectionsRequest.checked(body, true);
        return ConnectionsOutcome.of(services.rejectConnections(caller, serviceId, request.vpcEndpointIds(),
                request.reason()));
    }

    /**
     * The service's history: every change of it and of its tags, oldest first, each with its time, the principal it
     * acted for and its cause (see {@link HistoryEntry}); of a consumer's endpoint, its account and not its network.
     */
    @GET
    @Path("/{serviceId}/history")
    public List<HistoryEntry> history(@HeaderParam(Caller.HEADER) String account,
                                      @PathParam(SERVICE_ID) String serviceId) {
        AccountId caller = Caller.require(account);
        owned(caller, serviceId);
        return history.of(serviceId, caller, CONSUMERS_OWN);
    }

    /** The caller's service; another owner's is not found, as AWS answers it. */
    private EndpointServiceRow owned(AccountId caller, String serviceId) {
        requireWellFormed(serviceId);
        return EndpointServiceRow.find(serviceId)
                .filter(s -> s.ownerId.equals(caller.value()))
                .orElseThrow(() -> Rejection.notFound(ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND, SERVICE_ID,
                        "the endpoint service " + serviceId + " does not exist"));
    }

    /** A fixed format, so it bounds the id's length too. */
    private static void requireWellFormed(String serviceId) {
        if (!IdFormat.ENDPOINT_SERVICE.matches(serviceId)) {
            throw Rejection.invalid(ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_MALFORMED, SERVICE_ID,
                    "not an endpoint service id (vpce-svc- and 17 hex digits)");
        }
    }
}

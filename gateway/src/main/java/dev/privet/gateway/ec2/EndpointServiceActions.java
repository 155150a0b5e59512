package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.DerivedId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.Region;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The provider's side: endpoint service configurations and their permissions, on provider-service's
 * {@code /v1/endpoint-services}.
 */
@ApplicationScoped
public class EndpointServiceActions implements QueryActions {
    static final Listing<JsonObject> CONFIGURATIONS = Listing.<JsonObject>of(s -> s.getString("serviceId"))
            .ids("ServiceId", EndpointServiceActions::notFound)
            .filter("service-id", s -> s.getString("serviceId"))
            .filter("service-name", s -> s.getString("serviceName"))
            .filter("service-state", s -> s.getString("serviceState"))
            .filter("supported-ip-address-types", s -> "ipv4")
            .tags(Tags::of);
    static final Listing<JsonObject> PERMISSIONS = Listing.<JsonObject>of(p -> p.getString("principal"))
            .filter("principal", p -> p.getString("principal"))
            .filter("principal-type", p -> p.getString("principalType"));

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "CreateVpcEndpointServiceConfiguration", this::create,
                "DescribeVpcEndpointServiceConfigurations", this::describe,
                "ModifyVpcEndpointServiceConfiguration", this::modify,
                "DeleteVpcEndpointServiceConfigurations", this::delete,
                "DescribeVpcEndpointServicePermissions", this::permissions,
                "ModifyVpcEndpointServicePermissions", this::modifyPermissions);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        QueryParameters params = call.params();
        List<String> arns = params.list("NetworkLoadBalancerArn");
        if (!params.list("GatewayLoadBalancerArn").isEmpty()) {
            throw QueryFault.invalidValue("Gateway Load Balancer endpoint services are not supported yet");
        }
        if (arns.isEmpty()) {
            throw QueryFault.missing("NetworkLoadBalancerArn.1");
        }
        Optional<Boolean> acceptance = params.optional("AcceptanceRequired")
                .map(v -> params.bool("AcceptanceRequired", true));
        params.optional("PrivateDnsName").ifPresent(name -> {
            throw QueryFault.invalidValue("Private DNS names for endpoint services are not supported yet");
        });
        params.list("SupportedIpAddressType").stream().filter(t -> !t.equals("ipv4")).findFirst().ifPresent(t -> {
            throw QueryFault.invalidValue("SupportedIpAddressType " + t + " is not supported; only ipv4 is");
        });
        Optional<String> clientToken = params.optional("ClientToken");
        Optional<String> key = call.idempotencyKey(clientToken);
        JsonObject request = Tags.specified(params, "vpc-endpoint-service",
                new JsonObject().put("networkLoadBalancerArns", new JsonArray(arns)));
        params.done();
        acceptance.ifPresent(a -> request.put("acceptanceRequired", a));
        JsonObject service = call.services().post(Backend.PROVIDER, "/v1/endpoint-services", call.caller(), request,
                key);
        return body -> {
            body.element("serviceConfiguration", out -> write(out, service, call.region()));
            clientToken.ifPresent(token -> body.text("clientToken", token));
        };
    }

    /**
     * Changes whether new connections wait for acceptance. The other changes AWS makes here (load balancers, private
     * DNS names, IP address types other than ipv4, regions) are refused by name, not ignored.
     */
    private Consumer<XmlBody> modify(QueryCall call) {
        QueryParameters params = call.params();
        String serviceId = wellFormed(params.required("ServiceId"));
        Optional<Boolean> acceptance = params.optional("AcceptanceRequired")
                .map(v -> params.bool("AcceptanceRequired", true));
        for (String list : List.of("AddNetworkLoadBalancerArn", "RemoveNetworkLoadBalancerArn",
                "AddGatewayLoadBalancerArn", "RemoveGatewayLoadBalancerArn", "AddSupportedRegion",
                "RemoveSupportedRegion")) {
            if (!params.list(list).isEmpty()) {
                throw QueryFault.invalidValue(list + " is not supported yet; only AcceptanceRequired can change");
            }
        }
        params.optional("PrivateDnsName").ifPresent(v -> {
            throw QueryFault.invalidValue("PrivateDnsName is not supported yet; only AcceptanceRequired can change");
        });
        if (params.bool("RemovePrivateDnsName", false)) { // false asks for nothing
            throw QueryFault.invalidValue("RemovePrivateDnsName is not supported yet; only AcceptanceRequired can "
                    + "change");
        }
        params.list("AddSupportedIpAddressType").stream().filter(t -> !t.equals("ipv4")).findFirst().ifPresent(t -> {
            throw QueryFault.invalidValue("SupportedIpAddressType " + t + " is not supported; only ipv4 is");
        });
        if (params.list("RemoveSupportedIpAddressType").contains("ipv4")) {
            throw QueryFault.invalidValue("ipv4 is the only supported IP address type; it cannot be removed");
        }
        params.done();
        String uri = "/v1/endpoint-services/" + serviceId;
        if (acceptance.isPresent()) {
            call.services().patch(Backend.PROVIDER, uri, call.caller(),
                    new JsonObject().put("acceptanceRequired", acceptance.get()));
        } else {
            call.services().get(Backend.PROVIDER, uri, call.caller()); // nothing to change, but it must be the caller's
        }
        return body -> body.text("return", true);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = CONFIGURATIONS.read(call.params());
        call.params().done();
        var page = selection.select(JsonLists.objects(call.services().list(Backend.PROVIDER, "/v1/endpoint-services",
                call.caller())));
        return body -> {
            body.set("serviceConfigurationSet", page.items(), (out, s) -> write(out, s, call.region()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /**
     * Deletes each service named; one that cannot be deleted is reported in {@code unsuccessful} with its error, as
     * in AWS, and the others are deleted. A malformed id refuses the whole request before any is deleted, as the
     * other actions on services refuse it.
     */
    private Consumer<XmlBody> delete(QueryCall call) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(call.params().list("ServiceId")));
        call.params().done();
        if (ids.isEmpty()) {
            throw QueryFault.missing("ServiceId.1");
        }
        ids.forEach(EndpointServiceActions::wellFormed);
        var unsuccessful = UnsuccessfulItems.deleteEach(ids, id -> {
            try {
                call.services().delete(Backend.PROVIDER, "/v1/endpoint-services/" + id, call.caller());
            } catch (QueryFault fault) {
                throw fault.code() == ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND ? deletedNotFound(id) : fault;
            }
        });
        return body -> UnsuccessfulItems.write(body, unsuccessful);
    }

    /** This action's not-found, as AWS spells it (not the {@code ...ServiceId.NotFound} of the others). */
    private static QueryFault deletedNotFound(String serviceId) {
        return QueryFault.of(ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_NOT_FOUND,
                "The VpcEndpointService Id '" + serviceId + "' does not exist");
    }

    private Consumer<XmlBody> permissions(QueryCall call) {
        String serviceId = wellFormed(call.params().required("ServiceId"));
        var selection = PERMISSIONS.read(call.params());
        call.params().done();
        JsonObject permissions = call.services().get(Backend.PROVIDER,
                "/v1/endpoint-services/" + serviceId + "/permissions", call.caller());
        var page = selection.select(JsonLists.objects(permissions.getJsonArray("allowedPrincipals", new JsonArray())));
        return body -> {
            body.set("allowedPrincipals", page.items(), (out, p) -> out
                    .text("principalType", p.getString("principalType"))
                    .text("principal", p.getString("principal"))
                    .text("servicePermissionId", permissionId(serviceId, p.getString("principal")))
                    .text("serviceId", serviceId)
                    .values("tagSet", List.of()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    private Consumer<XmlBody> modifyPermissions(QueryCall call) {
        QueryParameters params = call.params();
        String serviceId = wellFormed(params.required("ServiceId"));
        List<String> add = params.list("AddAllowedPrincipals");
        List<String> remove = params.list("RemoveAllowedPrincipals");
        params.done();
        if (add.isEmpty() && remove.isEmpty()) {
            throw QueryFault.missing("AddAllowedPrincipals.1 or RemoveAllowedPrincipals.1");
        }
        JsonObject result = call.services().post(Backend.PROVIDER, "/v1/endpoint-services/" + serviceId
                + "/permissions", call.caller(), new JsonObject().put("addAllowedPrincipals", new JsonArray(add))
                .put("removeAllowedPrincipals", new JsonArray(remove)), Optional.empty());
        List<JsonObject> added = JsonLists.objects(result.getJsonArray("allowedPrincipals", new JsonArray())).stream()
                .filter(p -> add.contains(p.getString("principal"))).toList();
        return body -> body
                .set("addedPrincipalSet", added, (out, p) -> out
                        .text("principalType", p.getString("principalType"))
                        .text("principal", p.getString("principal"))
                        .text("servicePermissionId", permissionId(serviceId, p.getString("principal")))
                        .text("serviceId", serviceId))
                .text("return", true);
    }

    static void write(XmlBody out, JsonObject s, String region) {
        String serviceId = s.getString("serviceId");
        out.set("serviceType", List.of(s.getString("serviceType", "Interface")), (item, t) -> item.text("serviceType", t))
                .text("serviceId", serviceId)
                .text("serviceName", s.getString("serviceName"))
                .text("serviceState", s.getString("serviceState"))
                .values("availabilityZoneSet", List.of())
                .text("acceptanceRequired", s.getBoolean("acceptanceRequired"))
                .text("managesVpcEndpoints", false)
                .values("networkLoadBalancerArnSet", JsonLists.strings(s, "networkLoadBalancerArns"))
                .values("supportedIpAddressTypeSet", List.of("ipv4"))
                .values("baseEndpointDnsNameSet", List.of(new Region(region).vpceName(serviceId)))
                .text("payerResponsibility", "ServiceOwner");
        Tags.write(out, s);
    }

    static String wellFormed(String serviceId) {
        if (!IdFormat.ENDPOINT_SERVICE.matches(serviceId)) {
            throw QueryFault.of(ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_MALFORMED,
                    "Invalid id: " + Shown.of(serviceId) + " (expecting 'vpce-svc-' and 17 hex digits)");
        }
        return serviceId;
    }

    private static QueryFault notFound(String serviceId) {
        wellFormed(serviceId);
        return QueryFault.of(ErrorCode.INVALID_VPC_ENDPOINT_SERVICE_ID_NOT_FOUND,
                "The Vpc Endpoint Service Id '" + serviceId + "' does not exist");
    }

    /** A stable id for one principal's permission on one service, in AWS's {@code vpce-svc-perm-} format. */
    static String permissionId(String serviceId, String principal) {
        return DerivedId.of("vpce-svc-perm-", serviceId, principal);
    }
}

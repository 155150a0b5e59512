package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.IdFormat;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The consumer's side: VPC endpoints and the services they may connect to, on consumer-service's
 * {@code /v1/vpc-endpoints} and {@code /v1/vpc-endpoint-services}. As in AWS, an endpoint whose type is not given is
 * a {@code Gateway} endpoint.
 */
@ApplicationScoped
public class VpcEndpointActions implements QueryActions {
    static final String DEFAULT_TYPE = "Gateway";
    static final Listing<JsonObject> ENDPOINTS = Listing.<JsonObject>of(e -> e.getString("vpcEndpointId"))
            .ids("VpcEndpointId", id -> QueryFault.of(ErrorCode.INVALID_VPC_ENDPOINT_ID_NOT_FOUND,
                    "The Vpc Endpoint Id '" + id + "' does not exist"))
            .filter("vpc-endpoint-id", e -> e.getString("vpcEndpointId"))
            .filter("vpc-id", e -> e.getString("vpcId"))
            .filter("service-name", e -> e.getString("serviceName"))
            .filter("vpc-endpoint-state", e -> e.getString("state"))
            .filter("vpc-endpoint-type", e -> e.getString("vpcEndpointType"))
            .filter("ip-address-type", e -> "ipv4")
            .tags(Tags::of)
            .maxResults(1, 1000);
    /**
     * The catalog, AWS's services and the providers', as consumer-service details it. A name can stand for two
     * services (AWS's {@code s3}, a Gateway and an Interface service), so a service is keyed by its name and type.
     */
    static final Listing<JsonObject> SERVICES = Listing.<JsonObject>of(s -> s.getString("serviceName") + " "
                    + s.getString("serviceType"))
            .ids("ServiceName", s -> s.getString("serviceName"), name -> QueryFault.of(ErrorCode.INVALID_SERVICE_NAME,
                    "The Vpc Endpoint Service '" + name + "' does not exist"))
            .filter("service-name", s -> s.getString("serviceName"))
            .filter("service-type", s -> s.getString("serviceType"))
            .filter("service-region", s -> s.getString("serviceRegion"))
            .filter("owner", s -> s.getString("owner"))
            .filterAny("supported-ip-address-types", s -> JsonLists.strings(s, "supportedIpAddressTypes"))
            .tags(Tags::of)
            .maxResults(1, 1000);
    private static final String CATALOG = "/v1/vpc-endpoint-services";
    /** The longest service name consumer-service looks up; a longer one cannot be in its catalog. */
    private static final int MAX_SERVICE_NAME = 255;

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "CreateVpcEndpoint", this::create,
                "DescribeVpcEndpoints", this::describe,
                "ModifyVpcEndpoint", this::modify,
                "DeleteVpcEndpoints", this::delete,
                "DescribeVpcEndpointServices", this::services);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        QueryParameters params = call.params();
        JsonObject request = new JsonObject()
                .put("vpcId", params.required("VpcId"))
                .put("serviceName", params.required("ServiceName"))
                .put("vpcEndpointType", params.optional("VpcEndpointType").orElse(DEFAULT_TYPE))
                .put("subnetIds", new JsonArray(params.list("SubnetId")))
                .put("securityGroupIds", new JsonArray(params.list("SecurityGroupId")))
                .put("routeTableIds", new JsonArray(params.list("RouteTableId")));
        params.optional("PolicyDocument").ifPresent(policy -> request.put("policyDocument", policy));
        if (params.bool("PrivateDnsEnabled", false)) { // AWS's answer for a service without a private DNS name
            throw QueryFault.of(ErrorCode.INVALID_PARAMETER, "Private DNS can't be enabled because the service "
                    + Shown.of(request.getString("serviceName")) + " does not provide a private DNS name.");
        }
        params.optional("IpAddressType").filter(t -> !t.equals("ipv4")).ifPresent(t -> {
            throw QueryFault.invalidValue("IpAddressType " + Shown.of(t) + " is not supported; only ipv4 is");
        });
        params.optional("DnsOptions.DnsRecordIpType").filter(t -> !t.equals("ipv4")).ifPresent(t -> {
            throw QueryFault.invalidValue("DnsOptions.DnsRecordIpType " + Shown.of(t) + " is not supported; only ipv4 is");
        });
        Optional<String> clientToken = params.optional("ClientToken");
        Optional<String> key = call.idempotencyKey(clientToken);
        Tags.specified(params, "vpc-endpoint", request);
        params.done();
        JsonObject endpoint = call.services().post(Backend.CONSUMER, "/v1/vpc-endpoints", call.caller(), request,
                key);
        return body -> {
            body.element("vpcEndpoint", out -> write(out, endpoint));
            clientToken.ifPresent(token -> body.text("clientToken", token));
        };
    }

    /**
     * Changes an endpoint's subnets ({@code AddSubnetId.N}, {@code RemoveSubnetId.N}; the endpoint is {@code pending}
     * until its names point at the new interfaces), a Gateway endpoint's route tables ({@code AddRouteTableId.N},
     * {@code RemoveRouteTableId.N}; {@code pending} until its routes moved), security groups and policy. The other changes AWS has are refused
     * by name; consumer-service checks the rest, and that something is changed.
     */
    private Consumer<XmlBody> modify(QueryCall call) {
        QueryParameters params = call.params();
        String endpointId = wellFormed(params.required("VpcEndpointId"));
        JsonObject change = new JsonObject()
                .put("addSubnetIds", new JsonArray(params.list("AddSubnetId")))
                .put("removeSubnetIds", new JsonArray(params.list("RemoveSubnetId")))
                .put("addSecurityGroupIds", new JsonArray(params.list("AddSecurityGroupId")))
                .put("removeSecurityGroupIds", new JsonArray(params.list("RemoveSecurityGroupId")))
                .put("resetPolicy", params.bool("ResetPolicy", false))
                .put("addRouteTableIds", new JsonArray(params.list("AddRouteTableId")))
                .put("removeRouteTableIds", new JsonArray(params.list("RemoveRouteTableId")));
        params.optional("PolicyDocument").ifPresent(policy -> change.put("policyDocument", policy));
        if (!params.list("SubnetConfiguration").isEmpty()) {
            throw QueryFault.invalidValue("SubnetConfiguration is not supported yet");
        }
        for (String value : List.of("PrivateDnsEnabled", "IpAddressType", "DnsOptions.DnsRecordIpType",
                "DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint")) {
            params.optional(value).ifPresent(v -> {
                throw QueryFault.invalidValue(value + " is not supported yet");
            });
        }
        params.done();
        call.services().patch(Backend.CONSUMER, "/v1/vpc-endpoints/" + endpointId, call.caller(), change);
        return body -> body.text("return", true);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = ENDPOINTS.read(call.params());
        call.params().done();
        selection.named("VpcEndpointId").forEach(VpcEndpointActions::wellFormed);
        var page = selection.select(JsonLists.objects(call.services().list(Backend.CONSUMER, "/v1/vpc-endpoints",
                call.caller())));
        return body -> {
            body.set("vpcEndpointSet", page.items(), VpcEndpointActions::write);
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** Deletes each endpoint named; one that cannot be deleted is reported in {@code unsuccessful}, as in AWS. */
    private Consumer<XmlBody> delete(QueryCall call) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(call.params().list("VpcEndpointId")));
        call.params().done();
        if (ids.isEmpty()) {
            throw QueryFault.missing("VpcEndpointId.1");
        }
        ids.forEach(VpcEndpointActions::wellFormed);
        var unsuccessful = UnsuccessfulItems.deleteEach(ids, id ->
                call.services().delete(Backend.CONSUMER, "/v1/vpc-endpoints/" + id, call.caller()));
        return body -> UnsuccessfulItems.write(body, unsuccessful);
    }

    private Consumer<XmlBody> services(QueryCall call) {
        var selection = SERVICES.read(call.params());
        call.params().done();
        var page = selection.select(catalog(call, selection.named("ServiceName")));
        return body -> {
            body.values("serviceNameSet", new LinkedHashSet<>(page.items().stream()
                    .map(s -> s.getString("serviceName")).toList()));
            body.set("serviceDetailSet", page.items(), VpcEndpointActions::writeService);
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /**
     * The caller's catalog. When it lacks a service the request names, that name is asked for alone: consumer-service
     * then catches its catalog up with provider-service's topic before it answers (DESIGN rule 10), and the catalog is
     * listed again, so a service created a moment before is found rather than answered {@code InvalidServiceName}.
     */
    private static List<JsonObject> catalog(QueryCall call, Set<String> named) {
        List<JsonObject> services = JsonLists.objects(call.services().list(Backend.CONSUMER, CATALOG, call.caller()));
        Set<String> listed = services.stream().map(s -> s.getString("serviceName")).collect(Collectors.toSet());
        Optional<String> missing = named.stream()
                .filter(name -> !listed.contains(name) && name.length() <= MAX_SERVICE_NAME).findFirst();
        if (missing.isEmpty()) {
            return services;
        }
        call.services().list(Backend.CONSUMER, CATALOG + "?serviceName="
                + URLEncoder.encode(missing.get(), StandardCharsets.UTF_8), call.caller());
        return JsonLists.objects(call.services().list(Backend.CONSUMER, CATALOG, call.caller()));
    }

    /** A {@code ServiceDetail}; a service without a private DNS name shows none, nor its verification state. */
    private static void writeService(XmlBody out, JsonObject s) {
        List<String> zones = JsonLists.strings(s, "availabilityZones");
        List<String> privateDnsNames = Optional.ofNullable(s.getString("privateDnsName")).stream().toList();
        out.text("serviceName", s.getString("serviceName"))
                .text("serviceId", s.getString("serviceId"))
                .set("serviceType", List.of(s.getString("serviceType")), (item, t) -> item.text("serviceType", t))
                .text("serviceRegion", s.getString("serviceRegion"))
                .values("availabilityZoneIdSet", zones.stream().map(Ec2::zoneId).toList())
                .values("availabilityZoneSet", zones)
                .text("owner", s.getString("owner"))
                .values("baseEndpointDnsNameSet", JsonLists.strings(s, "baseEndpointDnsNames"))
                .text("privateDnsName", s.getString("privateDnsName"))
                .set("privateDnsNameSet", privateDnsNames, (item, name) -> item.text("privateDnsName", name))
                .text("privateDnsNameVerificationState", s.getString("privateDnsNameVerificationState"))
                .text("vpcEndpointPolicySupported", s.getBoolean("vpcEndpointPolicySupported"))
                .text("acceptanceRequired", s.getBoolean("acceptanceRequired"))
                .text("managesVpcEndpoints", s.getBoolean("managesVpcEndpoints"))
                .text("payerResponsibility", s.getString("payerResponsibility"))
                .values("supportedIpAddressTypeSet", JsonLists.strings(s, "supportedIpAddressTypes"));
        Tags.write(out, s);
    }

    static void write(XmlBody out, JsonObject e) {
        out.text("vpcEndpointId", e.getString("vpcEndpointId"))
                .text("vpcEndpointType", e.getString("vpcEndpointType"))
                .text("vpcId", e.getString("vpcId"))
                .text("serviceName", e.getString("serviceName"))
                .text("state", e.getString("state"))
                .values("routeTableIdSet", JsonLists.strings(e, "routeTableIds"))
                .values("subnetIdSet", JsonLists.strings(e, "subnetIds"))
                .set("groupSet", JsonLists.strings(e, "securityGroupIds"), (item, id) -> item.text("groupId", id))
                .text("ipAddressType", "ipv4")
                .element("dnsOptions", dns -> dns.text("dnsRecordIpType", "ipv4"))
                .text("privateDnsEnabled", false)
                .text("requesterManaged", false)
                .values("networkInterfaceIdSet", JsonLists.strings(e, "networkInterfaceIds"))
                .set("dnsEntrySet", JsonLists.objects(e.getJsonArray("dnsEntries", new JsonArray())), (item, d) -> item
                        .text("dnsName", d.getString("dnsName"))
                        .text("hostedZoneId", d.getString("hostedZoneId")))
                .text("creationTimestamp", e.getString("creationTimestamp"))
                .text("ownerId", e.getString("ownerId"))
                .text("policyDocument", e.getString("policyDocument"));
        Tags.write(out, e);
        String reason = e.getString("failureReason");
        if (reason != null) {
            out.element("lastError", error -> error.text("code", "failed").text("message", reason));
        }
    }

    static String wellFormed(String id) {
        if (!IdFormat.VPC_ENDPOINT.matches(id)) {
            throw QueryFault.of(ErrorCode.INVALID_VPC_ENDPOINT_ID_MALFORMED,
                    "Invalid Id: " + Shown.of(id) + " (expecting 'vpce-...')");
        }
        return id;
    }
}

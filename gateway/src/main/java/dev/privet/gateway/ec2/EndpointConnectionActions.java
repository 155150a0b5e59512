package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.DerivedId;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The provider's side of connections: the endpoints connected to its services, and their acceptance or rejection,
 * on provider-service's {@code /v1/endpoint-connections} and {@code /v1/endpoint-services/{id}/connections/...}.
 */
@ApplicationScoped
public class EndpointConnectionActions implements QueryActions {
    static final Listing<JsonObject> CONNECTIONS = Listing.<JsonObject>of(
                    c -> c.getString("serviceId") + "/" + c.getString("vpcEndpointId"))
            .filter("service-id", c -> c.getString("serviceId"))
            .filter("vpc-endpoint-id", c -> c.getString("vpcEndpointId"))
            .filter("vpc-endpoint-owner", c -> c.getString("vpcEndpointOwner"))
            .filter("vpc-endpoint-state", c -> c.getString("vpcEndpointState"))
            .filter("ip-address-type", c -> "ipv4");

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "DescribeVpcEndpointConnections", this::describe,
                "AcceptVpcEndpointConnections", call -> decide(call, "acceptances", false),
                "RejectVpcEndpointConnections", call -> decide(call, "rejections", true));
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = CONNECTIONS.read(call.params());
        call.params().done();
        var page = selection.select(JsonLists.objects(call.services().list(Backend.PROVIDER,
                "/v1/endpoint-connections", call.caller())));
        return body -> {
            body.set("vpcEndpointConnectionSet", page.items(), (out, c) -> write(out, c, call.region()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /**
     * Accepts or rejects the endpoints named; those the service left as they were come back in {@code unsuccessful},
     * as AWS reports them. A rejection may carry {@code Reason}, shown on the consumer's endpoint: Privet's addition,
     * which AWS's clients do not send.
     */
    private Consumer<XmlBody> decide(QueryCall call, String decision, boolean takesReason) {
        QueryParameters params = call.params();
        String serviceId = EndpointServiceActions.wellFormed(params.required("ServiceId"));
        List<String> ids = params.list("VpcEndpointId");
        Optional<String> reason = takesReason ? params.optional("Reason") : Optional.empty();
        params.done();
        if (ids.isEmpty()) {
            throw QueryFault.missing("VpcEndpointId.1");
        }
        ids.forEach(VpcEndpointActions::wellFormed);
        JsonObject request = new JsonObject().put("vpcEndpointIds", new JsonArray(ids));
        reason.ifPresent(r -> request.put("reason", r));
        JsonObject outcome = call.services().post(Backend.PROVIDER, "/v1/endpoint-services/" + serviceId
                + "/connections/" + decision, call.caller(), request, Optional.empty());
        var unsuccessful = JsonLists.objects(outcome.getJsonArray("unsuccessful", new JsonArray())).stream()
                .map(u -> Map.entry(u.getString("vpcEndpointId"), QueryFault.of(ErrorCode.fromWire(u.getString("code"))
                        .orElseThrow(() -> new IllegalStateException("provider-service answered the unknown code "
                                + u.getString("code"))), u.getString("message"))))
                .toList();
        return body -> UnsuccessfulItems.write(body, unsuccessful);
    }

    /**
     * One connection as AWS describes it. Its DNS entries are the consumer's, which provider-service does not hold:
     * the set is empty.
     */
    private static void write(XmlBody out, JsonObject c, String region) {
        String serviceId = c.getString("serviceId");
        String endpointId = c.getString("vpcEndpointId");
        out.text("serviceId", serviceId)
                .text("vpcEndpointId", endpointId)
                .text("vpcEndpointOwner", c.getString("vpcEndpointOwner"))
                .text("vpcEndpointState", c.getString("vpcEndpointState"))
                .text("creationTimestamp", c.getString("creationTimestamp"))
                .values("dnsEntrySet", List.of())
                .values("networkLoadBalancerArnSet", JsonLists.strings(c, "networkLoadBalancerArns"))
                .values("gatewayLoadBalancerArnSet", List.of())
                .text("ipAddressType", "ipv4")
                .text("vpcEndpointConnectionId", DerivedId.of("vpce-con-", serviceId, endpointId))
                .values("tagSet", List.of())
                .text("vpcEndpointRegion", region);
    }
}

package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CreateRoute, DeleteRoute, AssociateRouteTable and DisassociateRouteTable, on a table's {@code routes} and
 * {@code associations} in network-service. Every destination and target EC2 has is passed on by its name, so
 * network-service, which knows what Privet can route to, refuses each one it cannot by name.
 */
@ApplicationScoped
public class RouteActions implements QueryActions {
    private static final List<String> DESTINATIONS = List.of("DestinationCidrBlock", "DestinationPrefixListId",
            "DestinationIpv6CidrBlock");
    private static final List<String> TARGETS = List.of("NetworkInterfaceId", "GatewayId", "VpcEndpointId",
            "NatGatewayId", "TransitGatewayId", "InstanceId", "VpcPeeringConnectionId", "LocalGatewayId",
            "CarrierGatewayId", "EgressOnlyInternetGatewayId", "CoreNetworkArn");
    private static final List<String> ROUTE = Stream.concat(DESTINATIONS.stream(), TARGETS.stream()).toList();

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateRoute", this::createRoute, "DeleteRoute", this::deleteRoute,
                "AssociateRouteTable", this::associate, "DisassociateRouteTable", this::disassociate);
    }

    private Consumer<XmlBody> createRoute(QueryCall call) {
        String routeTableId = RouteTableActions.routeTableId(call);
        JsonObject route = new JsonObject();
        for (String name : ROUTE) {
            call.params().optional(name).ifPresent(value -> route.put(field(name), value));
        }
        call.params().done();
        call.services().post(Backend.NETWORK, "/v1/route-tables/" + routeTableId + "/routes", call.caller(), route,
                Optional.empty());
        return body -> body.text("return", true);
    }

    private Consumer<XmlBody> deleteRoute(QueryCall call) {
        String routeTableId = RouteTableActions.routeTableId(call);
        String query = DESTINATIONS.stream()
                .flatMap(name -> call.params().optional(name).map(value -> field(name) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8)).stream())
                .collect(Collectors.joining("&"));
        call.params().done();
        call.services().delete(Backend.NETWORK, "/v1/route-tables/" + routeTableId + "/routes"
                + (query.isEmpty() ? "" : "?" + query), call.caller());
        return body -> body.text("return", true);
    }

    private Consumer<XmlBody> associate(QueryCall call) {
        String routeTableId = RouteTableActions.routeTableId(call);
        JsonObject request = new JsonObject();
        call.params().optional("SubnetId").ifPresent(subnetId -> request.put("subnetId", subnetId));
        call.params().optional("GatewayId").ifPresent(gatewayId -> request.put("gatewayId", gatewayId));
        call.params().done();
        JsonObject association = call.services().post(Backend.NETWORK, "/v1/route-tables/" + routeTableId
                + "/associations", call.caller(), request, Optional.empty());
        return body -> body.text("associationId", association.getString("associationId"))
                .element("associationState", state -> state.text("state", "associated"));
    }

    /** Ends a subnet's association; its subnet uses its VPC's main table again. */
    private Consumer<XmlBody> disassociate(QueryCall call) {
        String associationId = call.params().required("AssociationId");
        call.params().done();
        if (!IdFormat.ROUTE_TABLE_ASSOCIATION.matches(associationId)) {
            throw QueryFault.of(ErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND, "The association ID "
                    + Shown.of(associationId) + " does not exist");
        }
        call.services().delete(Backend.NETWORK, "/v1/route-table-associations/" + associationId, call.caller());
        return body -> body.text("return", true);
    }

    /** The JSON API's name of a Query parameter: {@code DestinationCidrBlock} is {@code destinationCidrBlock}. */
    private static String field(String parameter) {
        return Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
    }
}

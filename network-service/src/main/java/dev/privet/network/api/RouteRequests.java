package dev.privet.network.api;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.RouteTableDtos.CreateRoute;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A route's destination and target as a request gives them. A destination is an IPv4 CIDR block or a prefix list's
 * id; the one target a caller can give is a network interface: Privet has none of the gateways, instances and
 * connections AWS also routes to, and each of those is refused naming its field, so nothing is silently ignored.
 */
final class RouteRequests {
    private static final String NO_GATEWAYS = "Privet has no internet/NAT/transit gateways; a route's target is a "
            + "networkInterfaceId in the route table's VPC";

    private RouteRequests() {
    }

    /** The route {@code body} asks for, made by its owner ({@code CreateRoute}). */
    static Route route(CreateRoute body) {
        RequestFields.present(body, "body");
        String destination = destination(body.destinationCidrBlock(), body.destinationPrefixListId(),
                body.destinationIpv6CidrBlock());
        unsupportedTargets(body).forEach((field, value) -> {
            if (value != null) {
                throw Rejection.invalidValue(field, field + " is not supported: " + why(field, value));
            }
        });
        String networkInterfaceId = RequestFields.id(body.networkInterfaceId(), IdFormat.NETWORK_INTERFACE,
                "networkInterfaceId");
        boolean toPrefixList = IdFormat.PREFIX_LIST.matches(destination);
        return new Route(toPrefixList ? null : destination, toPrefixList ? destination : null, null,
                networkInterfaceId, Route.CREATE_ROUTE);
    }

    /**
     * The one destination given: a canonical IPv4 block ({@code destinationCidrBlock}) or a prefix list's id
     * ({@code destinationPrefixListId}); IPv6 is refused.
     */
    static String destination(String cidrBlock, String prefixListId, String ipv6CidrBlock) {
        if (ipv6CidrBlock != null) {
            throw Rejection.invalidValue("destinationIpv6CidrBlock",
                    "destinationIpv6CidrBlock is not supported: Privet's VPCs are IPv4 only");
        }
        if (cidrBlock != null && prefixListId != null) {
            throw Rejection.invalidValue("destinationPrefixListId",
                    "give one destination: destinationCidrBlock or destinationPrefixListId, not both");
        }
        if (prefixListId != null) {
            return RequestFields.id(prefixListId, IdFormat.PREFIX_LIST, "destinationPrefixListId");
        }
        return RequestFields.cidr(cidrBlock, "destinationCidrBlock").toString();
    }

    /** Every target of the request but a network interface, by its field. */
    private static Map<String, String> unsupportedTargets(CreateRoute body) {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("gatewayId", body.gatewayId());
        targets.put("vpcEndpointId", body.vpcEndpointId());
        targets.put("natGatewayId", body.natGatewayId());
        targets.put("transitGatewayId", body.transitGatewayId());
        targets.put("instanceId", body.instanceId());
        targets.put("vpcPeeringConnectionId", body.vpcPeeringConnectionId());
        targets.put("localGatewayId", body.localGatewayId());
        targets.put("carrierGatewayId", body.carrierGatewayId());
        targets.put("egressOnlyInternetGatewayId", body.egressOnlyInternetGatewayId());
        targets.put("coreNetworkArn", body.coreNetworkArn());
        return targets;
    }

    private static String why(String field, String value) {
        return switch (field) {
            case "gatewayId" -> {
                if ("local".equals(value)) {
                    yield "the local route comes with every table and no other route can be local";
                }
                if (IdFormat.VPC_ENDPOINT.matches(value)) {
                    yield "a Gateway endpoint makes its own routes (ModifyVpcEndpoint with AddRouteTableId)";
                }
                yield NO_GATEWAYS;
            }
            case "vpcEndpointId" -> "Privet has no Gateway Load Balancer endpoints to route through; a route's "
                    + "target is a networkInterfaceId in the route table's VPC";
            case "instanceId" -> "Privet has no instances; a route's target is a networkInterfaceId in the route "
                    + "table's VPC";
            case "vpcPeeringConnectionId" -> "Privet has no VPC peering; a route's target is a networkInterfaceId in "
                    + "the route table's VPC";
            default -> NO_GATEWAYS;
        };
    }
}

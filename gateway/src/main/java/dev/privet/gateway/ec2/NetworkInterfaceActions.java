package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.gateway.Backend;
import dev.privet.gateway.query.JsonLists;
import dev.privet.gateway.query.Listing;
import dev.privet.gateway.query.QueryAction;
import dev.privet.gateway.query.QueryActions;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * DescribeNetworkInterfaces: the interfaces of the caller's endpoints, in the caller's subnets, as AWS shows an
 * endpoint's requester-managed interfaces. Each is joined with its subnet for the VPC and zone, and with its
 * endpoint's security groups for their names.
 */
@ApplicationScoped
public class NetworkInterfaceActions implements QueryActions {
    /** An interface with the subnet it is in and its groups' names by id (a group gone meanwhile has none). */
    record Interface(JsonObject eni, JsonObject subnet, Map<String, String> groupNames) {
        String id() {
            return eni.getString("networkInterfaceId");
        }

        List<String> groupIds() {
            return JsonLists.strings(eni, "securityGroupIds");
        }

        List<String> groupNamesShown() {
            return groupIds().stream().map(groupNames::get).filter(Objects::nonNull).toList();
        }

        String description() {
            return "VPC Endpoint Interface " + eni.getString("vpcEndpointId");
        }
    }

    static final Listing<Interface> LISTING = Listing.of(Interface::id)
            .ids("NetworkInterfaceId", id -> QueryFault.of(ErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND,
                    "The networkInterface ID '" + id + "' does not exist"))
            .filter("network-interface-id", Interface::id)
            .filter("subnet-id", i -> i.eni().getString("subnetId"))
            .filter("vpc-id", i -> i.subnet().getString("vpcId"))
            .filter("availability-zone", i -> i.subnet().getString("availabilityZone"))
            .filter("private-ip-address", i -> i.eni().getString("privateIpAddress"))
            .filter("addresses.private-ip-address", i -> i.eni().getString("privateIpAddress"))
            .filter("description", Interface::description)
            .filter("interface-type", i -> "vpc_endpoint")
            .filter("requester-managed", i -> "true")
            .filter("status", i -> "in-use")
            .filter("owner-id", i -> i.subnet().getString("ownerId"))
            .filterAny("group-id", Interface::groupIds)
            .filterAny("group-name", Interface::groupNamesShown)
            .tags(i -> Tags.of(i.eni()));

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("DescribeNetworkInterfaces", this::describe);
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        Map<String, JsonObject> subnets = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/subnets",
                call.caller())).stream().collect(Collectors.toMap(s -> s.getString("subnetId"), Function.identity()));
        List<JsonObject> enis = JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/network-interfaces",
                call.caller())).stream().filter(eni -> subnets.containsKey(eni.getString("subnetId"))).toList();
        Map<String, String> groupNames = enis.stream().allMatch(eni -> JsonLists.strings(eni, "securityGroupIds")
                .isEmpty()) ? Map.of() : JsonLists.objects(call.services().list(Backend.NETWORK,
                        SecurityGroupActions.GROUPS, call.caller())).stream()
                .collect(Collectors.toMap(g -> g.getString("groupId"), g -> g.getString("groupName")));
        List<Interface> interfaces = enis.stream()
                .map(eni -> new Interface(eni, subnets.get(eni.getString("subnetId")), groupNames)).toList();
        var page = selection.select(interfaces);
        return body -> {
            body.set("networkInterfaceSet", page.items(), NetworkInterfaceActions::write);
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    private static void write(XmlBody out, Interface i) {
        String address = i.eni().getString("privateIpAddress");
        out.text("networkInterfaceId", i.id())
                .text("subnetId", i.eni().getString("subnetId"))
                .text("vpcId", i.subnet().getString("vpcId"))
                .text("availabilityZone", i.subnet().getString("availabilityZone"))
                .text("description", i.description())
                .text("ownerId", i.subnet().getString("ownerId"))
                .text("requesterManaged", true)
                .text("status", "in-use")
                .text("privateIpAddress", address)
                .text("sourceDestCheck", true)
                .set("groupSet", i.groupIds(), (item, groupId) -> item.text("groupId", groupId)
                        .text("groupName", i.groupNames().get(groupId)))
                .text("interfaceType", "vpc_endpoint")
                .set("privateIpAddressesSet", List.of(address), (item, a) -> item
                        .text("privateIpAddress", a).text("primary", true))
                .values("ipv6AddressesSet", List.of());
        Tags.write(out, i.eni());
    }
}

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
import dev.privet.gateway.query.QueryProtocol;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * CreateSubnet, DescribeSubnets and DeleteSubnet, on network-service's {@code /v1/subnets}. A subnet created without a zone is
 * placed in the region's first zone ({@code us-east-1a}); AWS picks one for the caller.
 */
@ApplicationScoped
public class SubnetActions implements QueryActions {
    static final Listing<JsonObject> LISTING = Listing.<JsonObject>of(s -> s.getString("subnetId"))
            .ids("SubnetId", id -> QueryFault.of(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND,
                    "The subnet ID '" + id + "' does not exist"))
            .filter("subnet-id", s -> s.getString("subnetId"))
            .filter("vpc-id", s -> s.getString("vpcId"))
            .filter("cidr-block", s -> s.getString("cidrBlock"))
            .filter("cidr", s -> s.getString("cidrBlock"))
            .filter("availability-zone", s -> s.getString("availabilityZone"))
            .filter("availability-zone-id", s -> Ec2.zoneId(s.getString("availabilityZone")))
            .filter("owner-id", s -> s.getString("ownerId"))
            .filter("state", s -> s.getString("state"))
            .filter("default-for-az", s -> "false")
            .tags(Tags::of);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateSubnet", this::create, "DescribeSubnets", this::describe, "DeleteSubnet", this::delete);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        var params = call.params();
        String vpcId = params.required("VpcId");
        String cidr = params.required("CidrBlock");
        String zone = params.optional("AvailabilityZone").orElse(call.region() + "a");
        JsonObject request = Tags.specified(params, "subnet", new JsonObject()
                .put("vpcId", vpcId).put("cidrBlock", cidr).put("availabilityZone", zone));
        params.done();
        JsonObject subnet = call.services().post(Backend.NETWORK, "/v1/subnets", call.caller(), request,
                call.idempotencyKey(Optional.empty()));
        return body -> body.element("subnet", out -> write(out, subnet, call.region()));
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        var page = selection.select(JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/subnets", call.caller())));
        return body -> {
            body.set("subnetSet", page.items(), (out, subnet) -> write(out, subnet, call.region()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** Deletes a subnet with no interfaces and no load balancers in it ({@code DependencyViolation} otherwise). */
    private Consumer<XmlBody> delete(QueryCall call) {
        String subnetId = call.params().required("SubnetId");
        call.params().done();
        if (!IdFormat.SUBNET.matches(subnetId)) {
            throw QueryFault.of(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "The subnet ID " + Shown.of(subnetId)
                    + " does not exist");
        }
        call.services().delete(Backend.NETWORK, "/v1/subnets/" + subnetId, call.caller());
        return body -> body.text("return", true);
    }

    static void write(XmlBody out, JsonObject subnet, String region) {
        String subnetId = subnet.getString("subnetId");
        String owner = subnet.getString("ownerId");
        String zone = subnet.getString("availabilityZone");
        out.text("subnetId", subnetId)
                .text("subnetArn", "arn:aws:ec2:" + region + ":" + owner + ":subnet/" + subnetId)
                .text("state", subnet.getString("state"))
                .text("ownerId", owner)
                .text("vpcId", subnet.getString("vpcId"))
                .text("cidrBlock", subnet.getString("cidrBlock"))
                .values("ipv6CidrBlockAssociationSet", List.of())
                .text("availableIpAddressCount", subnet.getLong("availableIpAddressCount"))
                .text("availabilityZone", zone)
                .text("availabilityZoneId", Ec2.zoneId(zone))
                .text("defaultForAz", false)
                .text("mapPublicIpOnLaunch", false)
                .text("assignIpv6AddressOnCreation", false);
        Tags.write(out, subnet);
    }
}

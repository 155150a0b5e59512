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

import java.util.Map;
import java.util.function.Consumer;

/** CreateVpc, DescribeVpcs and DeleteVpc, on network-service's {@code /v1/vpcs}. */
@ApplicationScoped
public class VpcActions implements QueryActions {
    static final Listing<JsonObject> LISTING = Listing.<JsonObject>of(v -> v.getString("vpcId"))
            .ids("VpcId", id -> QueryFault.of(ErrorCode.INVALID_VPC_ID_NOT_FOUND,
                    "The vpc ID '" + id + "' does not exist"))
            .filter("vpc-id", v -> v.getString("vpcId"))
            .filter("cidr", v -> v.getString("cidrBlock"))
            .filter("cidr-block-association.cidr-block", v -> v.getString("cidrBlock"))
            .filter("owner-id", v -> v.getString("ownerId"))
            .filter("state", v -> v.getString("state"))
            .filter("is-default", v -> "false")
            .tags(Tags::of);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateVpc", this::create, "DescribeVpcs", this::describe, "DeleteVpc", this::delete);
    }

    private Consumer<XmlBody> create(QueryCall call) {
        var params = call.params();
        String cidr = params.required("CidrBlock");
        if (params.bool("AmazonProvidedIpv6CidrBlock", false)) {
            throw QueryFault.invalidValue("IPv6 CIDR blocks are not supported; leave AmazonProvidedIpv6CidrBlock out");
        }
        params.optional("InstanceTenancy").filter(t -> !t.equals("default")).ifPresent(t -> {
            throw QueryFault.invalidValue("InstanceTenancy " + t + " is not supported; only 'default' is");
        });
        JsonObject request = Tags.specified(params, "vpc", new JsonObject().put("cidrBlock", cidr));
        params.done();
        JsonObject vpc = call.services().post(Backend.NETWORK, "/v1/vpcs", call.caller(), request,
                call.idempotencyKey(java.util.Optional.empty()));
        return body -> body.element("vpc", out -> write(out, vpc));
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        var page = selection.select(JsonLists.objects(call.services().list(Backend.NETWORK, "/v1/vpcs", call.caller())));
        return body -> {
            body.set("vpcSet", page.items(), VpcActions::write);
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** Deletes a VPC with no subnets left; AWS answers {@code DependencyViolation} otherwise, and so does Privet. */
    private Consumer<XmlBody> delete(QueryCall call) {
        String vpcId = call.params().required("VpcId");
        call.params().done();
        if (!IdFormat.VPC.matches(vpcId)) {
            throw QueryFault.of(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "The vpc ID " + Shown.of(vpcId) + " does not exist");
        }
        call.services().delete(Backend.NETWORK, "/v1/vpcs/" + vpcId, call.caller());
        return body -> body.text("return", true);
    }

    static void write(XmlBody out, JsonObject vpc) {
        String vpcId = vpc.getString("vpcId");
        out.text("vpcId", vpcId)
                .text("ownerId", vpc.getString("ownerId"))
                .text("state", vpc.getString("state"))
                .text("cidrBlock", vpc.getString("cidrBlock"))
                .set("cidrBlockAssociationSet", java.util.List.of(vpc), (item, v) -> item
                        .text("cidrBlock", v.getString("cidrBlock"))
                        .text("associationId", "vpc-cidr-assoc-" + vpcId.substring("vpc-".length()))
                        .element("cidrBlockState", state -> state.text("state", "associated")))
                .values("ipv6CidrBlockAssociationSet", java.util.List.of())
                .text("dhcpOptionsId", "default")
                .text("instanceTenancy", "default")
                .text("isDefault", false);
        Tags.write(out, vpc);
    }
}

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
import java.util.function.Consumer;

/**
 * CreateVpc, DescribeVpcs, DeleteVpc, and a VPC's attributes (DescribeVpcAttribute, ModifyVpcAttribute), on
 * network-service's {@code /v1/vpcs}.
 */
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
    /** The attributes of a VPC, by the names of DescribeVpcAttribute's {@code Attribute} and the response's elements. */
    static final List<String> ATTRIBUTES = List.of("enableDnsSupport", "enableDnsHostnames",
            "enableNetworkAddressUsageMetrics");

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateVpc", this::create, "DescribeVpcs", this::describe, "DeleteVpc", this::delete,
                "DescribeVpcAttribute", this::describeAttribute, "ModifyVpcAttribute", this::modifyAttribute);
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
        call.services().delete(Backend.NETWORK, "/v1/vpcs/" + wellFormed(vpcId), call.caller());
        return body -> body.text("return", true);
    }

    /** One attribute ({@code Attribute}) of the caller's VPC, as AWS answers it: {@code <name><value>}. */
    private Consumer<XmlBody> describeAttribute(QueryCall call) {
        String vpcId = call.params().required("VpcId");
        String attribute = call.params().required("Attribute");
        call.params().done();
        if (!ATTRIBUTES.contains(attribute)) {
            throw QueryFault.invalidValue("Value (" + Shown.of(attribute) + ") for parameter attribute is invalid: "
                    + "it is one of " + String.join(", ", ATTRIBUTES));
        }
        JsonObject vpc = call.services().get(Backend.NETWORK, "/v1/vpcs/" + wellFormed(vpcId), call.caller());
        boolean value = vpc.getJsonObject("attributes").getBoolean(attribute);
        return body -> body.text("vpcId", vpcId).element(attribute, out -> out.text("value", value));
    }

    /**
     * Sets one attribute of the caller's VPC: {@code EnableDnsSupport.Value}, {@code EnableDnsHostnames.Value} or
     * {@code EnableNetworkAddressUsageMetrics.Value}. As in AWS, one call changes one attribute: none or several
     * is {@code InvalidParameterCombination}.
     */
    private Consumer<XmlBody> modifyAttribute(QueryCall call) {
        var params = call.params();
        String vpcId = params.required("VpcId");
        JsonObject change = new JsonObject();
        for (String attribute : ATTRIBUTES) {
            String parameter = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1) + ".Value";
            params.optional(parameter).ifPresent(v -> change.put(attribute, params.bool(parameter, false)));
        }
        params.done();
        if (change.size() != 1) {
            throw QueryFault.of(ErrorCode.INVALID_PARAMETER_COMBINATION, change.isEmpty() ? "No attributes specified."
                    : "Fields for multiple attribute types specified: " + String.join(", ", change.fieldNames()));
        }
        call.services().patch(Backend.NETWORK, "/v1/vpcs/" + wellFormed(vpcId) + "/attributes", call.caller(),
                change);
        return body -> body.text("return", true);
    }

    /** A VPC id that is not one is answered as AWS answers an unknown one. */
    private static String wellFormed(String vpcId) {
        if (!IdFormat.VPC.matches(vpcId)) {
            throw QueryFault.of(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "The vpc ID " + Shown.of(vpcId) + " does not exist");
        }
        return vpcId;
    }

    static void write(XmlBody out, JsonObject vpc) {
        String vpcId = vpc.getString("vpcId");
        out.text("vpcId", vpcId)
                .text("ownerId", vpc.getString("ownerId"))
                .text("state", vpc.getString("state"))
                .text("cidrBlock", vpc.getString("cidrBlock"))
                .set("cidrBlockAssociationSet", List.of(vpc), (item, v) -> item
                        .text("cidrBlock", v.getString("cidrBlock"))
                        .text("associationId", "vpc-cidr-assoc-" + vpcId.substring("vpc-".length()))
                        .element("cidrBlockState", state -> state.text("state", "associated")))
                .values("ipv6CidrBlockAssociationSet", List.of())
                .text("dhcpOptionsId", "default")
                .text("instanceTenancy", "default")
                .text("isDefault", false);
        Tags.write(out, vpc);
    }
}

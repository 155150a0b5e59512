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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * CreateSecurityGroup, DescribeSecurityGroups and DeleteSecurityGroup, on network-service's
 * {@code /v1/security-groups}. There is no default VPC, so a group is always named by its id and made in a VPC
 * named by its id. Groups are recorded and shown; the data plane does not enforce them yet.
 */
@ApplicationScoped
public class SecurityGroupActions implements QueryActions {
    static final String GROUPS = "/v1/security-groups";
    static final Listing<JsonObject> LISTING = filters(Listing.<JsonObject>of(g -> g.getString("groupId"))
            .ids("GroupId", id -> notFound(id))
            .ids("GroupName", g -> g.getString("groupName"), name -> notFound(name))
            .filter("group-id", g -> g.getString("groupId"))
            .filter("group-name", g -> g.getString("groupName"))
            .filter("description", g -> g.getString("description"))
            .filter("vpc-id", g -> g.getString("vpcId"))
            .filter("owner-id", g -> g.getString("ownerId"))
            .tags(Tags::of));

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of("CreateSecurityGroup", this::create, "DescribeSecurityGroups", this::describe,
                "DeleteSecurityGroup", this::delete);
    }

    static QueryFault notFound(String group) {
        return QueryFault.of(ErrorCode.INVALID_GROUP_NOT_FOUND, "The security group '" + group + "' does not exist");
    }

    /** EC2's filters on a group's rules, inbound ({@code ip-permission.*}) and outbound ({@code egress.*}). */
    private static Listing<JsonObject> filters(Listing<JsonObject> listing) {
        Map<String, String> fields = Map.of("cidr", "cidrIpv4", "group-id", "referencedGroupId",
                "protocol", "ipProtocol", "from-port", "fromPort", "to-port", "toPort");
        fields.forEach((filter, field) -> listing
                .filterAny("ip-permission." + filter, g -> values(g, "ingressRules", field))
                .filterAny("egress.ip-permission." + filter, g -> values(g, "egressRules", field)));
        return listing;
    }

    private static List<String> values(JsonObject group, String rules, String field) {
        return JsonLists.objects(group.getJsonArray(rules, new JsonArray())).stream()
                .map(rule -> rule.getValue(field)).filter(v -> v != null).map(String::valueOf).toList();
    }

    private Consumer<XmlBody> create(QueryCall call) {
        var params = call.params();
        JsonObject request = Tags.specified(params, "security-group", new JsonObject()
                .put("groupName", params.required("GroupName"))
                .put("description", params.required("GroupDescription"))
                .put("vpcId", params.required("VpcId")));
        params.done();
        JsonObject group = call.services().post(Backend.NETWORK, GROUPS, call.caller(), request,
                call.idempotencyKey(Optional.empty()));
        String groupId = group.getString("groupId");
        return body -> {
            body.text("return", true).text("groupId", groupId)
                    .text("securityGroupArn", IpPermissions.arn(call.region(), group.getString("ownerId"),
                            "security-group", groupId));
            Tags.write(body, group);
        };
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = LISTING.read(call.params());
        call.params().done();
        selection.named("GroupId").forEach(IpPermissions::groupId);
        var page = selection.select(JsonLists.objects(call.services().list(Backend.NETWORK, GROUPS, call.caller())));
        return body -> {
            body.set("securityGroupInfo", page.items(), (out, group) -> write(out, group, call.region()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** Deletes a group: not a VPC's default one ({@code CannotDelete}), nor one another group's rule names. */
    private Consumer<XmlBody> delete(QueryCall call) {
        var params = call.params();
        params.optional("GroupName").ifPresent(name -> {
            throw QueryFault.invalidValue("GroupName names groups of a default VPC, and there is none here: give "
                    + "GroupId");
        });
        String groupId = IpPermissions.groupId(params.required("GroupId"));
        params.done();
        call.services().delete(Backend.NETWORK, GROUPS + "/" + groupId, call.caller());
        return body -> body.text("return", true).text("groupId", groupId);
    }

    static void write(XmlBody out, JsonObject group, String region) {
        String owner = group.getString("ownerId");
        String groupId = group.getString("groupId");
        out.text("ownerId", owner)
                .text("groupId", groupId)
                .text("groupName", group.getString("groupName"))
                .text("groupDescription", group.getString("description"))
                .text("vpcId", group.getString("vpcId"))
                .text("securityGroupArn", IpPermissions.arn(region, owner, "security-group", groupId));
        IpPermissions.write(out, "ipPermissions", JsonLists.objects(group.getJsonArray("ingressRules")), owner);
        IpPermissions.write(out, "ipPermissionsEgress", JsonLists.objects(group.getJsonArray("egressRules")), owner);
        Tags.write(out, group);
    }
}

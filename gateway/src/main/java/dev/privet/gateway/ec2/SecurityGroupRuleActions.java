package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
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
import java.util.function.Consumer;

/**
 * The rules of security groups: AuthorizeSecurityGroupIngress and -Egress, RevokeSecurityGroupIngress and -Egress
 * (by {@code IpPermissions.N} or {@code SecurityGroupRuleId.N}), and DescribeSecurityGroupRules, on network-service's
 * {@code /v1/security-groups/{id}/ingress} and {@code /egress}.
 */
@ApplicationScoped
public class SecurityGroupRuleActions implements QueryActions {
    /** A rule as DescribeSecurityGroupRules lists it: with its group and the group's owner. */
    record GroupRule(JsonObject rule, String groupId, String owner) {
        String ruleId() {
            return rule.getString("securityGroupRuleId");
        }
    }

    static final Listing<GroupRule> RULES = Listing.<GroupRule>of(GroupRule::ruleId)
            .ids("SecurityGroupRuleId", id -> QueryFault.of(ErrorCode.INVALID_SECURITY_GROUP_RULE_ID_NOT_FOUND,
                    "The security group rule ID '" + id + "' does not exist"))
            .filter("group-id", GroupRule::groupId)
            .filter("security-group-rule-id", GroupRule::ruleId);

    @Override
    public QueryProtocol protocol() {
        return QueryProtocol.EC2;
    }

    @Override
    public Map<String, QueryAction> actions() {
        return Map.of(
                "AuthorizeSecurityGroupIngress", call -> authorize(call, "ingress"),
                "AuthorizeSecurityGroupEgress", call -> authorize(call, "egress"),
                "RevokeSecurityGroupIngress", call -> revoke(call, "ingress"),
                "RevokeSecurityGroupEgress", call -> revoke(call, "egress"),
                "DescribeSecurityGroupRules", this::describe);
    }

    private Consumer<XmlBody> authorize(QueryCall call, String direction) {
        String groupId = groupOf(call.params());
        JsonArray rules = IpPermissions.read(call, false);
        call.params().done();
        if (rules.isEmpty()) {
            throw QueryFault.missing("IpPermissions.1.IpProtocol");
        }
        JsonArray added = call.services().postForList(Backend.NETWORK, rulesOf(groupId, direction), call.caller(),
                new JsonObject().put("rules", rules));
        String owner = call.caller().account().value();
        return body -> body.text("return", true).set("securityGroupRuleSet", JsonLists.objects(added),
                (item, rule) -> IpPermissions.writeRule(item, rule, groupId, owner, call.region()));
    }

    private Consumer<XmlBody> revoke(QueryCall call, String direction) {
        String groupId = groupOf(call.params());
        JsonArray rules = IpPermissions.read(call, true);
        List<String> ruleIds = call.params().list("SecurityGroupRuleId");
        call.params().done();
        if (rules.isEmpty() && ruleIds.isEmpty()) {
            throw QueryFault.missing("IpPermissions.1.IpProtocol");
        }
        JsonObject request = new JsonObject().put("rules", rules).put("securityGroupRuleIds", new JsonArray(ruleIds));
        JsonArray revoked = call.services().postForList(Backend.NETWORK, rulesOf(groupId, direction) + "/revocations",
                call.caller(), request);
        return body -> body.text("return", true).values("unknownIpPermissionSet", List.of())
                .set("revokedSecurityGroupRuleSet", JsonLists.objects(revoked),
                        (item, rule) -> IpPermissions.writeRevoked(item, rule, groupId));
    }

    private Consumer<XmlBody> describe(QueryCall call) {
        var selection = RULES.read(call.params());
        call.params().done();
        List<GroupRule> all = JsonLists.objects(call.services().list(Backend.NETWORK, SecurityGroupActions.GROUPS,
                call.caller())).stream().flatMap(group -> List.of("ingressRules", "egressRules").stream()
                .flatMap(rules -> JsonLists.objects(group.getJsonArray(rules, new JsonArray())).stream())
                .map(rule -> new GroupRule(rule, group.getString("groupId"), group.getString("ownerId")))).toList();
        var page = selection.select(all);
        return body -> {
            body.set("securityGroupRuleSet", page.items(), (item, r) -> IpPermissions.writeRule(item, r.rule(),
                    r.groupId(), r.owner(), call.region()));
            page.nextToken().ifPresent(token -> body.text("nextToken", token));
        };
    }

    /** The group a rule request is for, by {@code GroupId}; EC2's {@code GroupName} is a default VPC's. */
    private static String groupOf(QueryParameters params) {
        params.optional("GroupName").ifPresent(name -> {
            throw QueryFault.invalidValue("GroupName names groups of a default VPC, and there is none here: give "
                    + "GroupId");
        });
        return IpPermissions.groupId(params.required("GroupId"));
    }

    private static String rulesOf(String groupId, String direction) {
        return SecurityGroupActions.GROUPS + "/" + groupId + "/" + direction;
    }
}

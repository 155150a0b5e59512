package dev.privet.gateway.ec2;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.gateway.query.QueryCall;
import dev.privet.gateway.query.QueryFault;
import dev.privet.gateway.query.QueryParameters;
import dev.privet.gateway.query.Shown;
import dev.privet.gateway.query.XmlBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * EC2's security group rules on the wire. A request's {@code IpPermissions.N} (a protocol and ports, with
 * {@code IpRanges.M.CidrIp} and {@code Groups.M.GroupId} peers) becomes network-service's flat rules, one per peer;
 * a Describe groups a group's rules back into permissions by protocol and ports, as EC2 shows them, and
 * {@code SecurityGroupRule} items show them one by one.
 */
final class IpPermissions {
    private IpPermissions() {
    }

    /**
     * The rules of {@code IpPermissions.N}, in order, as network-service takes them: one per range and group. A rule
     * cannot have an IPv6 range or a prefix list as its peer yet: authorizing one is refused as not supported, and
     * revoking one ({@code revoking}) is {@code InvalidPermission.NotFound}, as for any rule the group does not have
     * (Terraform revokes AWS's IPv6 default egress rule from every group it makes, and expects exactly that).
     */
    static JsonArray read(QueryCall call, boolean revoking) {
        QueryParameters params = call.params();
        JsonArray rules = new JsonArray();
        for (int n : params.indexes("IpPermissions")) {
            String at = "IpPermissions." + n;
            JsonObject permission = new JsonObject().put("ipProtocol", params.required(at + ".IpProtocol"));
            params.integer(at + ".FromPort", -1, 65535).ifPresent(port -> permission.put("fromPort", port));
            params.integer(at + ".ToPort", -1, 65535).ifPresent(port -> permission.put("toPort", port));
            int before = rules.size();
            for (int m : params.indexes(at + ".IpRanges")) {
                String range = at + ".IpRanges." + m;
                rules.add(peer(params, permission, range).put("cidrIpv4", params.required(range + ".CidrIp")));
            }
            for (int m : params.indexes(at + ".Groups")) {
                String pair = at + ".Groups." + m;
                params.optional(pair + ".UserId").filter(user -> !user.equals(call.caller().account().value()))
                        .ifPresent(user -> {
                            throw QueryFault.invalidValue("A rule names groups of the caller's own account only, not "
                                    + Shown.of(user) + " (" + pair + ".UserId)");
                        });
                rules.add(peer(params, permission, pair).put("referencedGroupId", params.required(pair + ".GroupId")));
            }
            for (String unsupported : List.of("Ipv6Ranges", "PrefixListIds")) {
                if (!params.indexes(at + "." + unsupported).isEmpty()) {
                    if (revoking) {
                        throw QueryFault.of(ErrorCode.INVALID_PERMISSION_NOT_FOUND, "The specified rule does not "
                                + "exist in this security group: " + at + "." + unsupported + " names a peer that no "
                                + "rule here can have");
                    }
                    throw QueryFault.invalidValue(at + "." + unsupported + " is not supported yet: a rule's peer is "
                            + "an IPv4 range (IpRanges) or a security group (Groups)");
                }
            }
            if (rules.size() == before) {
                throw QueryFault.missing(at + ".IpRanges.1.CidrIp");
            }
        }
        return rules;
    }

    /** A rule of {@code permission} for the peer at {@code at}, with its description if it has one. */
    private static JsonObject peer(QueryParameters params, JsonObject permission, String at) {
        JsonObject rule = permission.copy();
        params.optional(at + ".Description").ifPresent(description -> rule.put("description", description));
        return rule;
    }

    /** A group id of a request: {@code InvalidGroupId.Malformed} unless it is one, as EC2 answers. */
    static String groupId(String id) {
        if (!IdFormat.SECURITY_GROUP.matches(id)) {
            throw QueryFault.of(ErrorCode.INVALID_GROUP_ID_MALFORMED, "Invalid id: " + Shown.of(id)
                    + " (expecting \"sg-...\")");
        }
        return id;
    }

    /** The rules as EC2's permissions: one per protocol and port range, with their ranges and groups. */
    static void write(XmlBody out, String element, List<JsonObject> rules, String owner) {
        Map<List<Object>, List<JsonObject>> byPorts = new LinkedHashMap<>();
        for (JsonObject rule : rules) {
            byPorts.computeIfAbsent(java.util.Arrays.asList(rule.getString("ipProtocol"), rule.getInteger("fromPort"),
                    rule.getInteger("toPort")), k -> new ArrayList<>()).add(rule);
        }
        out.set(element, byPorts.values(), (item, same) -> {
            JsonObject first = same.getFirst();
            item.text("ipProtocol", first.getString("ipProtocol"))
                    .text("fromPort", first.getInteger("fromPort"))
                    .text("toPort", first.getInteger("toPort"))
                    .set("groups", peers(same, "referencedGroupId"), (pair, r) -> pair
                            .text("description", r.getString("description"))
                            .text("groupId", r.getString("referencedGroupId"))
                            .text("userId", owner))
                    .set("ipRanges", peers(same, "cidrIpv4"), (range, r) -> range
                            .text("cidrIp", r.getString("cidrIpv4"))
                            .text("description", r.getString("description")))
                    .values("ipv6Ranges", List.of())
                    .values("prefixListIds", List.of());
        });
    }

    private static List<JsonObject> peers(List<JsonObject> rules, String field) {
        return rules.stream().filter(r -> r.getString(field) != null).toList();
    }

    /** A {@code SecurityGroupRule} item; all protocols show ports -1, as EC2 shows them. */
    static void writeRule(XmlBody out, JsonObject rule, String groupId, String owner, String region) {
        String ruleId = rule.getString("securityGroupRuleId");
        out.text("securityGroupRuleId", ruleId)
                .text("groupId", groupId)
                .text("groupOwnerId", owner)
                .text("isEgress", rule.getBoolean("egress"))
                .text("ipProtocol", rule.getString("ipProtocol"))
                .text("fromPort", Objects.requireNonNullElse(rule.getInteger("fromPort"), -1))
                .text("toPort", Objects.requireNonNullElse(rule.getInteger("toPort"), -1))
                .text("cidrIpv4", rule.getString("cidrIpv4"));
        Optional.ofNullable(rule.getString("referencedGroupId")).ifPresent(peer -> out.element("referencedGroupInfo",
                info -> info.text("groupId", peer).text("userId", owner)));
        out.text("description", rule.getString("description"))
                .values("tagSet", List.of())
                .text("securityGroupRuleArn", arn(region, owner, "security-group-rule", ruleId));
    }

    /** A {@code RevokedSecurityGroupRule} item. */
    static void writeRevoked(XmlBody out, JsonObject rule, String groupId) {
        out.text("securityGroupRuleId", rule.getString("securityGroupRuleId"))
                .text("groupId", groupId)
                .text("isEgress", rule.getBoolean("egress"))
                .text("ipProtocol", rule.getString("ipProtocol"))
                .text("fromPort", Objects.requireNonNullElse(rule.getInteger("fromPort"), -1))
                .text("toPort", Objects.requireNonNullElse(rule.getInteger("toPort"), -1))
                .text("cidrIpv4", rule.getString("cidrIpv4"))
                .text("referencedGroupId", rule.getString("referencedGroupId"))
                .text("description", rule.getString("description"));
    }

    /** EC2's ARN of a security group or a rule. */
    static String arn(String region, String owner, String type, String id) {
        return "arn:aws:ec2:" + region + ":" + owner + ":" + type + "/" + id;
    }
}

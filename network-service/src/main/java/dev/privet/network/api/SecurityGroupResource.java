package dev.privet.network.api;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.network.api.SecurityGroupDtos.AuthorizeRules;
import dev.privet.network.api.SecurityGroupDtos.CreateSecurityGroup;
import dev.privet.network.api.SecurityGroupDtos.RevokeRules;
import dev.privet.network.api.SecurityGroupDtos.RuleRequest;
import dev.privet.network.api.SecurityGroupDtos.SecurityGroupView;
import dev.privet.network.app.SecurityGroupCommands;
import dev.privet.network.domain.SecurityGroup;
import dev.privet.network.domain.SecurityGroupRules;
import dev.privet.network.projection.SecurityGroupRow;
import dev.privet.runtime.Caller;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.tags.RequestedTags;
import dev.privet.runtime.tags.ResourceTagRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Security groups of VPCs and their rules, inbound ({@code ingress}) and outbound ({@code egress}), as EC2 has them.
 * They are recorded and shown; the data plane does not enforce them yet.
 */
@Path("/v1/security-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SecurityGroupResource {
    /** Ids are short ({@code sg-} and 17 hex); anything much longer is not an id. */
    private static final int MAX_ID = 64;
    private static final String DIRECTION = "{direction: ingress|egress}";

    private final SecurityGroupCommands commands;

    SecurityGroupResource(SecurityGroupCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response create(@HeaderParam(Caller.HEADER) String account,
                           @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, CreateSecurityGroup body) {
        AccountId caller = Caller.require(account);
        RequestFields.present(body, "body");
        String name = SecurityGroupRules.groupName(body.groupName(), "groupName");
        String description = SecurityGroupRules.text(body.description(), "description", true);
        String vpcId = RequestFields.id(body.vpcId(), IdFormat.VPC, "vpcId");
        var tags = RequestedTags.of(body.tags(), "tags");
        SecurityGroup.Group group = commands.create(caller, IdempotencyKey.of(caller, idempotencyKey, body), name,
                description, vpcId, tags);
        return Response.status(201).entity(SecurityGroupView.of(group, ResourceTagRow.of(group.group().groupId())))
                .build();
    }

    @GET
    public List<SecurityGroupView> list(@HeaderParam(Caller.HEADER) String account) {
        AccountId caller = Caller.require(account);
        return ResourceTagRow.withTags(SecurityGroupRow.ownedBy(caller.value()), row -> row.groupId,
                SecurityGroupView::of);
    }

    @GET
    @Path("/{groupId}")
    public SecurityGroupView get(@HeaderParam(Caller.HEADER) String account, @PathParam("groupId") String groupId) {
        AccountId caller = Caller.require(account);
        groupId(groupId, "groupId");
        return SecurityGroupRow.findOwned(caller.value(), groupId)
                .map(row -> SecurityGroupView.of(row, ResourceTagRow.of(groupId)))
                .orElseThrow(() -> Rejection.notFound(ErrorCode.INVALID_GROUP_NOT_FOUND, "groupId",
                        "The security group '" + groupId + "' does not exist"));
    }

    /**
     * Deletes a group: 204; 400 {@code CannotDelete} for a VPC's default group, {@code DependencyViolation} while
     * another group's rule names it.
     */
    @DELETE
    @Path("/{groupId}")
    public Response delete(@HeaderParam(Caller.HEADER) String account, @PathParam("groupId") String groupId) {
        AccountId caller = Caller.require(account);
        commands.delete(caller, groupId(groupId, "groupId"));
        return Response.noContent().build();
    }

    /** Adds inbound or outbound rules; answers the rules added, with their ids. */
    @POST
    @Path("/{groupId}/" + DIRECTION)
    public List<SecurityGroupRule> authorize(@HeaderParam(Caller.HEADER) String account,
                                             @PathParam("groupId") String groupId,
                                             @PathParam("direction") String direction, AuthorizeRules body) {
        AccountId caller = Caller.require(account);
        groupId(groupId, "groupId");
        RequestFields.present(body, "body");
        if (body.rules() == null || body.rules().isEmpty()) {
            throw Rejection.missing("rules");
        }
        return commands.authorize(caller, groupId, rules(body.rules(), egress(direction)));
    }

    /** Removes inbound or outbound rules, by id or by what they allow; answers the rules removed. */
    @POST
    @Path("/{groupId}/" + DIRECTION + "/revocations")
    public List<SecurityGroupRule> revoke(@HeaderParam(Caller.HEADER) String account,
                                          @PathParam("groupId") String groupId,
                                          @PathParam("direction") String direction, RevokeRules body) {
        AccountId caller = Caller.require(account);
        groupId(groupId, "groupId");
        RequestFields.present(body, "body");
        List<String> ids = ruleIds(body.securityGroupRuleIds());
        List<SecurityGroupRule> rules = body.rules() == null ? List.of() : rules(body.rules(), egress(direction));
        if (ids.isEmpty() && rules.isEmpty()) {
            throw Rejection.missing("rules");
        }
        return commands.revoke(caller, groupId, egress(direction), ids, rules);
    }

    private static boolean egress(String direction) {
        return direction.equals("egress");
    }

    /** At most as many rules as a group holds in one direction, each checked as AWS checks it. */
    private static List<SecurityGroupRule> rules(List<RuleRequest> requested, boolean egress) {
        RequestFields.atMost(requested, SecurityGroup.MAX_RULES_PER_DIRECTION, "rules");
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String at = "rules[" + i + "]";
            RuleRequest r = RequestFields.present(requested.get(i), at);
            rules.add(SecurityGroupRules.rule(egress, r.ipProtocol(), r.fromPort(), r.toPort(),
                    bounded(r.cidrIpv4(), at + ".cidrIpv4"), bounded(r.referencedGroupId(), at + ".referencedGroupId"),
                    r.description(), at));
        }
        return rules;
    }

    private static List<String> ruleIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        RequestFields.atMost(ids, SecurityGroup.MAX_RULES_PER_DIRECTION, "securityGroupRuleIds");
        for (int i = 0; i < ids.size(); i++) {
            RequestFields.id(ids.get(i), IdFormat.SECURITY_GROUP_RULE, "securityGroupRuleIds[" + i + "]");
        }
        return List.copyOf(ids);
    }

    /** An optional id or block: absent, or short enough to be one. */
    private static String bounded(String value, String field) {
        return value == null ? null : RequestFields.text(value, field, MAX_ID);
    }

    /** A well-formed security group id; anything else is {@code InvalidGroupId.Malformed}, as EC2 says it. */
    private static String groupId(String value, String field) {
        if (!IdFormat.SECURITY_GROUP.matches(RequestFields.text(value, field, MAX_ID))) {
            throw Rejection.invalid(ErrorCode.INVALID_GROUP_ID_MALFORMED, field, "Invalid security group id: '"
                    + value + "'");
        }
        return value;
    }
}

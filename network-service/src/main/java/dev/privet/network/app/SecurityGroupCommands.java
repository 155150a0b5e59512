package dev.privet.network.app;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesRevoked;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.domain.SecurityGroup;
import dev.privet.network.domain.SecurityGroup.Command;
import dev.privet.network.domain.SecurityGroupRules;
import dev.privet.network.domain.Vpc;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security groups: each VPC's default group, made and deleted with it (in {@link NetworkCommands}' transactions), and
 * the groups and rules a caller makes. Recorded and shown; the data plane does not enforce them yet.
 */
@ApplicationScoped
public class SecurityGroupCommands {
    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final CrossStreamChecks checks;
    private final SecurityGroupChecks groups;
    private final NetworkTags tags;

    SecurityGroupCommands(CommandRunner commands, DeciderRunner deciders, CrossStreamChecks checks,
                          SecurityGroupChecks groups, NetworkTags tags) {
        this.commands = commands;
        this.deciders = deciders;
        this.checks = checks;
        this.groups = groups;
        this.tags = tags;
    }

    /** The default group of a VPC, in the transaction that creates the VPC, with AWS's default rules. */
    void createDefault(Connection c, String vpcId, String ownerId, EventMetadata metadata) throws SQLException {
        String groupId = IdFormat.SECURITY_GROUP.newId();
        var group = new SecurityGroupCreated(groupId, SecurityGroupRules.DEFAULT_NAME,
                SecurityGroupRules.DEFAULT_DESCRIPTION, vpcId, ownerId, true);
        deciders.run(c, groupId, new Command.Create(group, newRuleId(), newRuleId()), SecurityGroup.DECIDER, metadata);
    }

    /**
     * The VPC's groups other than its default one, which keep it from being deleted. Call it holding the VPC's subnet
     * lock, which creating a group takes.
     */
    List<String> nonDefaultIn(Connection c, String vpcId) throws SQLException {
        return groups.groupsIn(c, vpcId).entrySet().stream().filter(g -> !g.getValue()).map(Map.Entry::getKey)
                .toList();
    }

    /** Deletes the VPC's default group (none for a VPC made before groups were), in the VPC's deletion. */
    void deleteDefaultOf(Connection c, String vpcId, EventMetadata metadata) throws SQLException {
        for (var group : groups.groupsIn(c, vpcId).entrySet()) {
            if (group.getValue()) {
                deciders.run(c, group.getKey(), new Command.Delete(true, List.of(), List.of()), SecurityGroup.DECIDER, metadata);
            }
        }
    }

    /**
     * A group in one of the caller's VPCs, with AWS's egress rule to anywhere and {@code tags}, in one transaction;
     * its name is unique in the VPC, in any case.
     */
    public SecurityGroup.Group create(AccountId caller, Optional<IdempotencyKey> key, String groupName,
                                      String description, String vpcId, List<Tag> tags) {
        String groupId = IdFormat.SECURITY_GROUP.newId();
        String egressRuleId = newRuleId();
        return commands.create(key, groupId, c -> {
            checks.lockedSubnetsOf(c, vpcId); // a deletion of the VPC waits, or is seen
            deciders.load(c, vpcId, Vpc.DECIDER).state().ownedBy(caller.value(), vpcId);
            groups.lockGroupsOf(c, vpcId);
            if (groups.nameTaken(c, vpcId, groupName)) {
                throw Rejection.invalid(ErrorCode.INVALID_GROUP_DUPLICATE, "groupName", "The security group '"
                        + groupName + "' already exists for VPC '" + vpcId + "'");
            }
            var group = new SecurityGroupCreated(groupId, groupName, description, vpcId, caller.value(), false);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            var created = deciders.run(c, groupId, new Command.Create(group, egressRuleId, null),
                    SecurityGroup.DECIDER, metadata).state();
            this.tags.tagNew(c, new TaggedResource(groupId, IdFormat.SECURITY_GROUP.resourceType(), caller.value()),
                    tags, metadata);
            return created.ownedBy(caller.value(), groupId, "groupId");
        }, (c, id) -> deciders.load(c, id, SecurityGroup.DECIDER).state().ownedBy(caller.value(), id, "groupId"));
    }

    /**
     * Adds rules of one direction, as {@link SecurityGroupRules#rule} made them, to the caller's group; a rule naming
     * a group names one of the same VPC. Answers the rules added, with their ids.
     */
    public List<SecurityGroupRule> authorize(AccountId caller, String groupId, List<SecurityGroupRule> rules) {
        List<SecurityGroupRule> added = rules.stream().map(r -> SecurityGroupRules.withId(r, newRuleId())).toList();
        return commands.execute(c -> {
            SecurityGroup.Group group = owned(c, caller, groupId);
            if (rules.stream().anyMatch(r -> r.referencedGroupId() != null)) {
                groups.lockGroupsOf(c, group.group().vpcId()); // a deletion of the group named waits, or is seen
                for (int i = 0; i < rules.size(); i++) {
                    requirePeer(c, group, rules.get(i).referencedGroupId(), "rules[" + i + "].referencedGroupId");
                }
            }
            deciders.run(c, groupId, new Command.Authorize(added, "rules"), SecurityGroup.DECIDER,
                    EventMetadata.forRequest(caller.value()));
            return added;
        });
    }

    /** Removes rules of one direction of the caller's group, by id or by what they allow; answers those removed. */
    public List<SecurityGroupRule> revoke(AccountId caller, String groupId, boolean egress, List<String> ruleIds,
                                          List<SecurityGroupRule> rules) {
        return commands.execute(c -> {
            owned(c, caller, groupId);
            var decided = deciders.run(c, groupId, new Command.Revoke(egress, ruleIds, rules), SecurityGroup.DECIDER,
                    EventMetadata.forRequest(caller.value()));
            return ((SecurityGroupRulesRevoked) decided.appended().getFirst().event()).rules();
        });
    }

    /** Deletes the caller's group: not a default one, nor one another group's rules name. */
    public void delete(AccountId caller, String groupId) {
        commands.execute(c -> {
            SecurityGroup.Group group = owned(c, caller, groupId);
            groups.lockGroupsOf(c, group.group().vpcId());
            return deciders.run(c, groupId, new Command.Delete(false, groups.groupsReferringTo(c, groupId),
                            groups.endpointsUsing(c, groupId)),
                    SecurityGroup.DECIDER, EventMetadata.forRequest(caller.value())).state();
        });
    }

    private SecurityGroup.Group owned(Connection c, AccountId caller, String groupId) throws SQLException {
        return deciders.load(c, groupId, SecurityGroup.DECIDER).state().ownedBy(caller.value(), groupId, "groupId");
    }

    /** The group a rule names, if it names one: the group itself, or a group of the caller's in its VPC. */
    private void requirePeer(Connection c, SecurityGroup.Group group, String peerId, String field)
            throws SQLException {
        if (peerId == null || peerId.equals(group.group().groupId())) {
            return;
        }
        if (!(deciders.load(c, peerId, SecurityGroup.DECIDER).state() instanceof SecurityGroup.Group peer)
                || !peer.group().ownerId().equals(group.group().ownerId())
                || !peer.group().vpcId().equals(group.group().vpcId())) {
            throw Rejection.invalid(ErrorCode.INVALID_GROUP_NOT_FOUND, field, "The security group '" + peerId
                    + "' does not exist in VPC '" + group.group().vpcId() + "'");
        }
    }

    private static String newRuleId() {
        return IdFormat.SECURITY_GROUP_RULE.newId();
    }
}

package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesAuthorized;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesRevoked;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A security group's stream: not created yet, created with its rules (inbound and outbound, each with its id), or
 * deleted (which nothing follows). Which names its VPC's groups have, and which groups refer to this one, are facts
 * across streams, checked by the caller under the VPC's lock; one group's own rules are here.
 */
public sealed interface SecurityGroup {
    /** AWS's default quota: rules per direction in one group. */
    int MAX_RULES_PER_DIRECTION = 60;

    record NoGroup() implements SecurityGroup {
    }

    /** {@code rules} in the order they were authorized, inbound and outbound together. */
    record Group(SecurityGroupCreated group, List<SecurityGroupRule> rules) implements SecurityGroup {
        public Group {
            rules = List.copyOf(rules);
        }

        public List<SecurityGroupRule> rules(boolean egress) {
            return rules.stream().filter(r -> r.egress() == egress).toList();
        }
    }

    record Deleted(SecurityGroupCreated group) implements SecurityGroup {
    }

    /** The group {@code groupId} as {@code caller} may use it: only its owner sees it, until it is deleted. */
    default Group ownedBy(String caller, String groupId, String field) {
        if (this instanceof Group g && g.group().ownerId().equals(caller)) {
            return g;
        }
        throw Rejection.notFound(ErrorCode.INVALID_GROUP_NOT_FOUND, field,
                "The security group '" + groupId + "' does not exist");
    }

    /** The commands of a group's stream; each but {@code Create} is decided on a group its caller owns. */
    sealed interface Command {
        /** The group, with the ids of the rules it starts with (the ingress one is a default group's only). */
        record Create(SecurityGroupCreated group, String egressRuleId, String ingressRuleId) implements Command {
        }

        /** Adds {@code rules}, each with its id and direction, as the request listed them in {@code field}. */
        record Authorize(List<SecurityGroupRule> rules, String field) implements Command {
        }

        /** Removes the rules of one direction named by id, and those that allow what {@code rules} allow. */
        record Revoke(boolean egress, List<String> ruleIds, List<SecurityGroupRule> rules) implements Command {
        }

        /**
         * Deletes the group; {@code withVpc} when its VPC goes, which alone takes a default group; {@code referredBy}
         * the other groups whose rules name it, read under the VPC's lock; {@code usedBy} the endpoints it is
         * applied to.
         */
        record Delete(boolean withVpc, List<String> referredBy, List<String> usedBy) implements Command {
        }
    }

    Decider<Command, SecurityGroup, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public SecurityGroup initialState() {
            return new NoGroup();
        }

        @Override
        public List<NetworkEvent> decide(Command command, SecurityGroup state) {
            if (command instanceof Command.Create create) {
                if (!(state instanceof NoGroup)) {
                    throw new IllegalStateException("security group " + create.group().groupId() + " exists");
                }
                SecurityGroupCreated g = create.group();
                return List.of(g, new SecurityGroupRulesAuthorized(g.groupId(), SecurityGroupRules.initial(
                        g.groupId(), g.isDefault(), create.egressRuleId(), create.ingressRuleId())));
            }
            if (!(state instanceof Group group)) {
                throw new IllegalStateException("a command on a security group that is " + state);
            }
            String id = group.group().groupId();
            return switch (command) {
                case Command.Create c -> throw new IllegalStateException("decided above");
                case Command.Authorize a -> List.of(new SecurityGroupRulesAuthorized(id, authorized(group, a)));
                case Command.Revoke r -> List.of(new SecurityGroupRulesRevoked(id, revoked(group, r)));
                case Command.Delete d -> {
                    if (group.group().isDefault() && !d.withVpc()) {
                        throw Rejection.invalid(ErrorCode.CANNOT_DELETE, "groupId", "The security group '" + id
                                + "' is the default group of " + group.group().vpcId() + ": it goes with its VPC");
                    }
                    if (!d.referredBy().isEmpty()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "groupId", "The security group '"
                                + id + "' is referenced by the rules of " + String.join(", ", d.referredBy()));
                    }
                    if (!d.usedBy().isEmpty()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "groupId", "The security group '"
                                + id + "' is in use by the VPC endpoints " + String.join(", ", d.usedBy())
                                + ": remove it from them first");
                    }
                    yield List.of(new SecurityGroupDeleted(id, group.group().vpcId(), group.group().ownerId()));
                }
            };
        }

        @Override
        public SecurityGroup evolve(SecurityGroup state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case SecurityGroupCreated c -> new Group(c, List.of());
                case SecurityGroupRulesAuthorized a when state instanceof Group g -> {
                    List<SecurityGroupRule> rules = new ArrayList<>(g.rules());
                    rules.addAll(a.rules());
                    yield new Group(g.group(), rules);
                }
                case SecurityGroupRulesRevoked r when state instanceof Group g -> {
                    Set<String> gone = r.rules().stream().map(SecurityGroupRule::securityGroupRuleId)
                            .collect(Collectors.toSet());
                    yield new Group(g.group(), g.rules().stream().filter(x -> !gone.contains(x.securityGroupRuleId()))
                            .toList());
                }
                case SecurityGroupDeleted d when state instanceof Group g -> new Deleted(g.group());
                default -> throw new IllegalStateException("not an event of a security group here: "
                        + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(SecurityGroup state) {
            return state instanceof Deleted;
        }
    };

    /** The rules to add: none allowing what the group, or an earlier rule of the request, allows already. */
    private static List<SecurityGroupRule> authorized(Group group, Command.Authorize authorize) {
        List<SecurityGroupRule> added = new ArrayList<>();
        for (int i = 0; i < authorize.rules().size(); i++) {
            SecurityGroupRule rule = authorize.rules().get(i);
            if (group.rules().stream().anyMatch(r -> SecurityGroupRules.samePermission(r, rule))
                    || added.stream().anyMatch(r -> SecurityGroupRules.samePermission(r, rule))) {
                throw Rejection.invalid(ErrorCode.INVALID_PERMISSION_DUPLICATE, authorize.field() + "[" + i + "]",
                        "The specified rule already exists in security group '" + group.group().groupId() + "'");
            }
            added.add(rule);
            if (group.rules(rule.egress()).size() + added.stream().filter(r -> r.egress() == rule.egress()).count()
                    > MAX_RULES_PER_DIRECTION) {
                throw Rejection.invalid(ErrorCode.RULES_PER_SECURITY_GROUP_LIMIT_EXCEEDED, authorize.field(),
                        "A security group has at most " + MAX_RULES_PER_DIRECTION + " "
                                + (rule.egress() ? "outbound" : "inbound") + " rules");
            }
        }
        return added;
    }

    /** The group's rules of the direction that the command names, each once; every one named must exist. */
    private static List<SecurityGroupRule> revoked(Group group, Command.Revoke revoke) {
        if (revoke.ruleIds().isEmpty() && revoke.rules().isEmpty()) {
            throw Rejection.missing("rules");
        }
        List<SecurityGroupRule> ofDirection = group.rules(revoke.egress());
        Set<SecurityGroupRule> gone = new LinkedHashSet<>();
        for (int i = 0; i < revoke.ruleIds().size(); i++) {
            String ruleId = revoke.ruleIds().get(i);
            String field = "securityGroupRuleIds[" + i + "]";
            gone.add(ofDirection.stream().filter(r -> r.securityGroupRuleId().equals(ruleId)).findFirst()
                    .orElseThrow(() -> Rejection.invalid(ErrorCode.INVALID_SECURITY_GROUP_RULE_ID_NOT_FOUND, field,
                            "The security group rule ID '" + ruleId + "' does not exist in the "
                                    + (revoke.egress() ? "outbound" : "inbound") + " rules of "
                                    + group.group().groupId())));
        }
        for (int i = 0; i < revoke.rules().size(); i++) {
            SecurityGroupRule asked = revoke.rules().get(i);
            String field = "rules[" + i + "]";
            gone.add(ofDirection.stream().filter(r -> SecurityGroupRules.samePermission(r, asked)).findFirst()
                    .orElseThrow(() -> Rejection.invalid(ErrorCode.INVALID_PERMISSION_NOT_FOUND, field,
                            "The specified rule does not exist in security group '" + group.group().groupId() + "'")));
        }
        return List.copyOf(gone);
    }
}

package dev.privet.network.projection;

import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A security group in the read model, with its rules (both directions) as a jsonb column; written by
 * {@link NetworkView} in the transaction that appends its events.
 */
@Entity
@Table(name = "security_groups")
public class SecurityGroupRow extends PanacheEntityBase {
    @Id
    @Column(name = "group_id")
    public String groupId;

    @Column(name = "group_name", nullable = false)
    public String groupName;

    @Column(name = "description", nullable = false)
    public String description;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rules", nullable = false)
    public List<SecurityGroupRule> rules = new ArrayList<>();

    static SecurityGroupRow of(SecurityGroupCreated created) {
        SecurityGroupRow row = new SecurityGroupRow();
        row.groupId = created.groupId();
        row.groupName = created.groupName();
        row.description = created.description();
        row.vpcId = created.vpcId();
        row.ownerId = created.ownerId();
        row.isDefault = created.isDefault();
        return row;
    }

    /** A rule event comes after its group's creation, in the group's stream: its row exists. */
    static SecurityGroupRow of(String groupId) {
        return SecurityGroupRow.<SecurityGroupRow>findByIdOptional(groupId).orElseThrow(() ->
                new IllegalStateException("a rule event of " + groupId + " before its creation"));
    }

    /** Takes the rules out, by id. */
    void revoke(List<SecurityGroupRule> revoked) {
        Set<String> gone = revoked.stream().map(SecurityGroupRule::securityGroupRuleId).collect(Collectors.toSet());
        rules.removeIf(rule -> gone.contains(rule.securityGroupRuleId()));
    }

    /** The rules of one direction, in the order they were authorized. */
    public List<SecurityGroupRule> rules(boolean egress) {
        return rules.stream().filter(rule -> rule.egress() == egress).toList();
    }

    /** The owner's groups, by id. */
    public static List<SecurityGroupRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("groupId"), ownerId).list();
    }

    /** The group, if the owner has it: another account's is not found. */
    public static Optional<SecurityGroupRow> findOwned(String ownerId, String groupId) {
        return SecurityGroupRow.<SecurityGroupRow>findByIdOptional(groupId).filter(g -> g.ownerId.equals(ownerId));
    }
}

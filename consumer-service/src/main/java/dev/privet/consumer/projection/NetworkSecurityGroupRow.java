package dev.privet.consumer.projection;

import dev.privet.runtime.RowsById;
import dev.privet.consumer.domain.SecurityGroup;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A security group of network-service, as {@link NetworkView} learnt it from its events. */
@Entity
@Table(name = "network_security_groups")
public class NetworkSecurityGroupRow extends PanacheEntityBase {
    @Id
    @Column(name = "group_id")
    public String groupId;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** The group network-service made with the VPC, which goes with it. */
    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    /** The rows of those of {@code groupIds} the view knows. */
    public static List<NetworkSecurityGroupRow> withIds(List<String> groupIds) {
        return RowsById.find(NetworkSecurityGroupRow.class, groupIds);
    }

    /** The id of the VPC's default group, once the view has seen it. */
    static Optional<String> defaultOf(String vpcId) {
        return NetworkSecurityGroupRow.<NetworkSecurityGroupRow>find("vpcId = ?1 and isDefault", vpcId)
                .firstResultOptional().map(row -> row.groupId);
    }

    public SecurityGroup securityGroup() {
        return new SecurityGroup(groupId, vpcId, ownerId);
    }
}

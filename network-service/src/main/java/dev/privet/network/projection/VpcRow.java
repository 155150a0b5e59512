package dev.privet.network.projection;

import dev.privet.contracts.events.Values.VpcAttributes;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Optional;

/** A VPC in the read model, written by {@link NetworkView} in the transaction that appends its creation. */
@Entity
@Table(name = "vpcs")
public class VpcRow extends PanacheEntityBase {
    @Id
    @Column(name = "vpc_id")
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "cidr_block", nullable = false)
    public String cidrBlock;

    @Column(name = "region", nullable = false)
    public String region;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attributes", nullable = false)
    public VpcAttributes attributes = VpcAttributes.DEFAULT;

    /** The owner's VPCs, by id. */
    public static List<VpcRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("vpcId"), ownerId).list();
    }

    /** The VPC, if the owner has it: another account's is not found. */
    public static Optional<VpcRow> findOwned(String ownerId, String vpcId) {
        return VpcRow.<VpcRow>findByIdOptional(vpcId).filter(vpc -> vpc.ownerId.equals(ownerId));
    }
}

package dev.privet.network.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/**
 * A subnet in the read model with the addresses its interfaces leave free, written by {@link NetworkView} in the
 * transactions that append its creation and its interfaces.
 */
@Entity
@Table(name = "subnets")
public class SubnetRow extends PanacheEntityBase {
    @Id
    @Column(name = "subnet_id")
    public String subnetId;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "cidr_block", nullable = false)
    public String cidrBlock;

    @Column(name = "availability_zone", nullable = false)
    public String availabilityZone;

    @Column(name = "available_addresses", nullable = false)
    public long availableAddresses;

    /** The owner's subnets, by id. */
    public static List<SubnetRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("subnetId"), ownerId).list();
    }

    /** The subnet, if the owner has it: another account's is not found. */
    public static Optional<SubnetRow> findOwned(String ownerId, String subnetId) {
        return SubnetRow.<SubnetRow>findByIdOptional(subnetId).filter(subnet -> subnet.ownerId.equals(ownerId));
    }
}

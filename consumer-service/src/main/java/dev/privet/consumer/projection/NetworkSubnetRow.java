package dev.privet.consumer.projection;

import dev.privet.runtime.RowsById;
import dev.privet.consumer.domain.Subnet;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A subnet of network-service, as {@link NetworkView} learnt it from its events. */
@Entity
@Table(name = "network_subnets")
public class NetworkSubnetRow extends PanacheEntityBase {
    @Id
    @Column(name = "subnet_id")
    public String subnetId;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "availability_zone", nullable = false)
    public String availabilityZone;

    @Column(name = "cidr_block", nullable = false)
    public String cidrBlock;

    public static Optional<NetworkSubnetRow> find(String subnetId) {
        return findByIdOptional(subnetId);
    }

    /** The subnets of {@code subnetIds} the view knows; the others are not there. */
    public static List<NetworkSubnetRow> withIds(List<String> subnetIds) {
        return RowsById.find(NetworkSubnetRow.class, subnetIds);
    }

    public Subnet subnet() {
        return new Subnet(subnetId, vpcId, ownerId, availabilityZone, cidrBlock);
    }
}

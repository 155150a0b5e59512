package dev.privet.consumer.projection;

import dev.privet.consumer.domain.Vpc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/** A VPC of network-service, as {@link NetworkView} learnt it from its events. */
@Entity
@Table(name = "network_vpcs")
public class NetworkVpcRow extends PanacheEntityBase {
    @Id
    @Column(name = "vpc_id")
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    public static Optional<NetworkVpcRow> find(String vpcId) {
        return findByIdOptional(vpcId);
    }

    /** The VPC, with its default security group when the view has seen it. */
    public Vpc vpc() {
        return new Vpc(vpcId, ownerId, NetworkSecurityGroupRow.defaultOf(vpcId));
    }
}

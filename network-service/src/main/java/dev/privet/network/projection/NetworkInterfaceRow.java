package dev.privet.network.projection;

import dev.privet.runtime.RowsById;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An endpoint's network interface in the read model, written by {@link NetworkView} in the transaction that appends
 * it to its subnet, and deleted with it. It belongs to the account that owns its subnet.
 */
@Entity
@Table(name = "network_interfaces")
public class NetworkInterfaceRow extends PanacheEntityBase {
    private static final String IN_SUBNETS_OF_OWNER =
            "subnetId in (select s.subnetId from SubnetRow s where s.ownerId = ?1)";

    @Id
    @Column(name = "network_interface_id")
    public String networkInterfaceId;

    @Column(name = "subnet_id", nullable = false)
    public String subnetId;

    @Column(name = "vpc_endpoint_id", nullable = false)
    public String vpcEndpointId;

    @Column(name = "private_ip_address", nullable = false)
    public String privateIpAddress;

    /** Where the interface's forwarders listen; null for an interface made before the data plane existed. */
    @Column(name = "data_plane_address")
    public String dataPlaneAddress;

    /** The interfaces in the owner's subnets, by id. */
    public static List<NetworkInterfaceRow> inSubnetsOf(String ownerId) {
        return find(IN_SUBNETS_OF_OWNER, Sort.by("networkInterfaceId"), ownerId).list();
    }

    /** The interface, if it is in one of the owner's subnets. */
    public static Optional<NetworkInterfaceRow> findInSubnetsOf(String ownerId, String networkInterfaceId) {
        return find(IN_SUBNETS_OF_OWNER + " and networkInterfaceId = ?2", ownerId, networkInterfaceId)
                .firstResultOptional();
    }

    /** Which of {@code networkInterfaceIds} exist. */
    public static Set<String> existing(Collection<String> networkInterfaceIds) {
        return RowsById.find(NetworkInterfaceRow.class, networkInterfaceIds).stream()
                .map(row -> row.networkInterfaceId).collect(Collectors.toSet());
    }

    /** The endpoint's interfaces in the owner's subnets, by id. */
    public static List<NetworkInterfaceRow> ofEndpointInSubnetsOf(String ownerId, String vpcEndpointId) {
        return find(IN_SUBNETS_OF_OWNER + " and vpcEndpointId = ?2", Sort.by("networkInterfaceId"), ownerId,
                vpcEndpointId).list();
    }
}

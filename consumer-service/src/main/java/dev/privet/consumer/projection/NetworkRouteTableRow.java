package dev.privet.consumer.projection;

import dev.privet.runtime.RowsById;
import dev.privet.consumer.domain.RouteTable;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** A route table of network-service, as {@link NetworkView} learnt it from its events. */
@Entity
@Table(name = "network_route_tables")
public class NetworkRouteTableRow extends PanacheEntityBase {
    @Id
    @Column(name = "route_table_id")
    public String routeTableId;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** The rows of those of {@code routeTableIds} the view knows. */
    public static List<NetworkRouteTableRow> withIds(List<String> routeTableIds) {
        return RowsById.find(NetworkRouteTableRow.class, routeTableIds);
    }

    public RouteTable routeTable() {
        return new RouteTable(routeTableId, vpcId, ownerId);
    }
}

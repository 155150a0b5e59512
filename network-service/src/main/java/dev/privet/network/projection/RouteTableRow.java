package dev.privet.network.projection;

import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.Values.Route;
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

/**
 * A route table in the read model, written by {@link NetworkView} in the transactions that append its events; its
 * routes (in the order they were made, the local one first) and its subnets' associations are jsonb columns.
 */
@Entity
@Table(name = "route_tables")
public class RouteTableRow extends PanacheEntityBase {
    @Id
    @Column(name = "route_table_id")
    public String routeTableId;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "main", nullable = false)
    public boolean main;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "routes", nullable = false)
    public List<Route> routes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "associations", nullable = false)
    public List<Association> associations = new ArrayList<>();

    /** A subnet's explicit association with the table. */
    public record Association(String associationId, String subnetId) {
    }

    static RouteTableRow of(RouteTableCreated created) {
        RouteTableRow row = new RouteTableRow();
        row.routeTableId = created.routeTableId();
        row.vpcId = created.vpcId();
        row.ownerId = created.ownerId();
        row.main = created.main();
        row.routes.add(Route.local(created.vpcCidrBlock()));
        return row;
    }

    /** The owner's route tables, by id. */
    public static List<RouteTableRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("routeTableId"), ownerId).list();
    }

    /** The table, if the owner has it: another account's is not found. */
    public static Optional<RouteTableRow> findOwned(String ownerId, String routeTableId) {
        return RouteTableRow.<RouteTableRow>findByIdOptional(routeTableId).filter(t -> t.ownerId.equals(ownerId));
    }
}

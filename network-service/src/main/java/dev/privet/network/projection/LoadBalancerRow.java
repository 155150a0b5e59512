package dev.privet.network.projection;

import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.LoadBalancerAttributes;
import dev.privet.contracts.events.Values.Target;
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
 * A load balancer in the read model, written by {@link NetworkView} in the transaction that appends its creation;
 * its subnets, listeners, targets and attributes are jsonb columns.
 */
@Entity
@Table(name = "load_balancers")
public class LoadBalancerRow extends PanacheEntityBase {
    @Id
    @Column(name = "load_balancer_arn")
    public String loadBalancerArn;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "type", nullable = false)
    public String type;

    @Column(name = "scheme", nullable = false)
    public String scheme;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "subnet_ids", nullable = false)
    public List<String> subnetIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "listeners", nullable = false)
    public List<Listener> listeners = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "targets", nullable = false)
    public List<Target> targets = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attributes", nullable = false)
    public LoadBalancerAttributes attributes = LoadBalancerAttributes.DEFAULT;

    /** The owner's load balancers, by name. */
    public static List<LoadBalancerRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("name"), ownerId).list();
    }

    /** The owner's load balancer of that name (names are unique in an account). */
    public static Optional<LoadBalancerRow> findOwned(String ownerId, String name) {
        return find("ownerId = ?1 and name = ?2", ownerId, name).firstResultOptional();
    }
}

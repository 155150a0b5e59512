package dev.privet.network.projection;

import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.events.Values.TargetGroupAttributes;
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

/** A target group in the read model, with its registered targets as a jsonb column; written by {@link NetworkView}. */
@Entity
@Table(name = "target_groups")
public class TargetGroupRow extends PanacheEntityBase {
    @Id
    @Column(name = "target_group_arn")
    public String targetGroupArn;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "protocol", nullable = false)
    public String protocol;

    @Column(name = "port", nullable = false)
    public int port;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "health_check", nullable = false)
    public HealthCheck healthCheck;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "targets", nullable = false)
    public List<RegisteredTarget> targets = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "attributes", nullable = false)
    public TargetGroupAttributes attributes = TargetGroupAttributes.DEFAULT;

    /** The owner's target groups, by name. */
    public static List<TargetGroupRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("name"), ownerId).list();
    }

    /** The owner's target group of that name (names are unique in an account). */
    public static Optional<TargetGroupRow> findOwned(String ownerId, String name) {
        return find("ownerId = ?1 and name = ?2", ownerId, name).firstResultOptional();
    }
}

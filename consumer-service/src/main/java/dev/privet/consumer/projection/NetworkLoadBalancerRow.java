package dev.privet.consumer.projection;

import dev.privet.runtime.RowsById;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A load balancer of network-service and the subnets it is in, as {@link NetworkView} learnt it from its events: where
 * an endpoint service that uses it is offered.
 */
@Entity
@Table(name = "network_load_balancers")
public class NetworkLoadBalancerRow extends PanacheEntityBase {
    @Id
    @Column(name = "load_balancer_arn")
    public String loadBalancerArn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subnet_ids", nullable = false)
    public List<String> subnetIds = new ArrayList<>();

    public static Optional<NetworkLoadBalancerRow> find(String loadBalancerArn) {
        return findByIdOptional(loadBalancerArn);
    }

    /** The load balancers of {@code arns} the view knows; the others are not there (yet, or any more). */
    public static List<NetworkLoadBalancerRow> withArns(Collection<String> arns) {
        return RowsById.find(NetworkLoadBalancerRow.class, arns);
    }
}

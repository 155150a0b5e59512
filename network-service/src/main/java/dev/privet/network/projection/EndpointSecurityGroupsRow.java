package dev.privet.network.projection;

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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An Interface endpoint's security groups, as network-service last applied them, written by {@link NetworkView} with
 * the event: what its interfaces show as their groups.
 */
@Entity
@Table(name = "endpoint_security_groups")
public class EndpointSecurityGroupsRow extends PanacheEntityBase {
    @Id
    @Column(name = "vpc_endpoint_id")
    public String vpcEndpointId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "security_group_ids", nullable = false)
    public List<String> securityGroupIds = new ArrayList<>();

    /** Records the endpoint's groups, in place of those it had. */
    static void apply(String vpcEndpointId, List<String> securityGroupIds) {
        EndpointSecurityGroupsRow.<EndpointSecurityGroupsRow>findByIdOptional(vpcEndpointId).ifPresentOrElse(
                row -> row.securityGroupIds = new ArrayList<>(securityGroupIds), () -> {
                    EndpointSecurityGroupsRow row = new EndpointSecurityGroupsRow();
                    row.vpcEndpointId = vpcEndpointId;
                    row.securityGroupIds = new ArrayList<>(securityGroupIds);
                    row.persist();
                });
    }

    /** The groups of each of {@code vpcEndpointIds} that has any on record. */
    public static Map<String, List<String>> of(Collection<String> vpcEndpointIds) {
        return RowsById.find(EndpointSecurityGroupsRow.class, vpcEndpointIds).stream()
                .collect(Collectors.toMap(row -> row.vpcEndpointId, row -> List.copyOf(row.securityGroupIds)));
    }
}

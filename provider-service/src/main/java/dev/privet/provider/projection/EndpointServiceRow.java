package dev.privet.provider.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SortNatural;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An endpoint service in the read model, with its allowed principals: written by {@link EndpointServicesProjection}
 * in the transaction that appends its events, so a read after a write sees it.
 */
@Entity
@Table(name = "endpoint_services")
public class EndpointServiceRow extends PanacheEntityBase {
    @Id
    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "service_state", nullable = false)
    public String serviceState;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "acceptance_required", nullable = false)
    public boolean acceptanceRequired;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "network_load_balancer_arns", nullable = false)
    public List<String> networkLoadBalancerArns = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "allowed_principals", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "principal")
    @SortNatural
    public SortedSet<String> allowedPrincipals = new TreeSet<>();

    public static Optional<EndpointServiceRow> find(String serviceId) {
        return findByIdOptional(serviceId);
    }

    /** The owner's services, by id. */
    public static List<EndpointServiceRow> ownedBy(String ownerId) {
        return find("ownerId", Sort.by("serviceId"), ownerId).list();
    }
}

package dev.privet.consumer.projection;

import dev.privet.consumer.domain.EndpointServiceOffer;
import dev.privet.consumer.domain.ServiceDetail;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
 * An endpoint service in the catalog, with its allowed principals, as {@link ServiceCatalog} learnt it from
 * provider-service's events. The queries fetch the principals with the services: one select, as before.
 */
@Entity
@Table(name = "catalog_services")
public class CatalogServiceRow extends PanacheEntityBase {
    private static final String WITH_PRINCIPALS = "from CatalogServiceRow s left join fetch s.allowedPrincipals";

    @Id
    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "service_state", nullable = false)
    public String serviceState;

    @Column(name = "acceptance_required", nullable = false)
    public boolean acceptanceRequired;

    /** The load balancers the service is behind: its zones are theirs. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "network_load_balancer_arns", nullable = false)
    public List<String> networkLoadBalancerArns = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "catalog_allowed_principals", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "principal")
    @SortNatural
    public SortedSet<String> allowedPrincipals = new TreeSet<>();

    public static Optional<CatalogServiceRow> find(String serviceId) {
        return findByIdOptional(serviceId);
    }

    public static Optional<CatalogServiceRow> named(String serviceName) {
        return find(WITH_PRINCIPALS + " where s.serviceName = ?1", serviceName).singleResultOptional();
    }

    /** Every service of the catalog, by name. */
    public static List<CatalogServiceRow> all() {
        return list(WITH_PRINCIPALS + " order by s.serviceName");
    }

    /** The service as an endpoint request sees it. */
    public EndpointServiceOffer offer() {
        return new EndpointServiceOffer(serviceId, serviceName, ServiceDetail.INTERFACE, ownerId, serviceState, acceptanceRequired,
                List.copyOf(allowedPrincipals));
    }
}

package dev.privet.provider.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** An endpoint's connection to a service in the read model; each of its events replaces its state. */
@Entity
@Table(name = "endpoint_connections")
@IdClass(EndpointConnectionRow.Key.class)
public class EndpointConnectionRow extends PanacheEntityBase {
    @Id
    @Column(name = "service_id")
    public String serviceId;

    @Id
    @Column(name = "vpc_endpoint_id")
    public String vpcEndpointId;

    @Column(name = "vpc_endpoint_owner", nullable = false)
    public String vpcEndpointOwner;

    @Column(name = "vpc_endpoint_state", nullable = false)
    public String vpcEndpointState;

    /** When the endpoint first asked this service to connect. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The service's connections, by endpoint id. */
    public static List<EndpointConnectionRow> ofService(String serviceId) {
        return find("serviceId", Sort.by("vpcEndpointId"), serviceId).list();
    }

    /** The connections to any of {@code serviceIds}, by service and endpoint. */
    public static List<EndpointConnectionRow> ofServices(Collection<String> serviceIds) {
        return serviceIds.isEmpty() ? List.of()
                : find("serviceId in ?1", Sort.by("serviceId").and("vpcEndpointId"), serviceIds).list();
    }

    /** A connection's identity: the service and the endpoint. */
    public static final class Key implements Serializable {
        public String serviceId;
        public String vpcEndpointId;

        public Key() {
        }

        public Key(String serviceId, String vpcEndpointId) {
            this.serviceId = serviceId;
            this.vpcEndpointId = vpcEndpointId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && serviceId.equals(k.serviceId) && vpcEndpointId.equals(k.vpcEndpointId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceId, vpcEndpointId);
        }
    }
}

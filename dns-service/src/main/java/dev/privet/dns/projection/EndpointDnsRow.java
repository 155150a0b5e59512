package dev.privet.dns.projection;

import dev.privet.contracts.events.Values.DnsEntry;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An endpoint whose DNS stream exists: whether its names are published, and the names it was given. */
@Entity
@Table(name = "endpoint_dns")
public class EndpointDnsRow extends PanacheEntityBase {
    static final String PUBLISHED = "published";
    static final String REMOVED = "removed";

    @Id
    @Column(name = "vpc_endpoint_id")
    public String vpcEndpointId;

    @Column(name = "service_id")
    public String serviceId;

    /** {@value #PUBLISHED} or {@value #REMOVED}. */
    @Column(name = "state", nullable = false)
    public String state;

    /** Regional first, then one per zone, as the endpoint lists them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dns_entries", nullable = false)
    public List<DnsEntry> dnsEntries = new ArrayList<>();

    public static Optional<EndpointDnsRow> find(String vpcEndpointId) {
        return findByIdOptional(vpcEndpointId);
    }

    /** The endpoint's row, or a new one (to persist) when this is its first event. */
    static EndpointDnsRow findOrNew(String vpcEndpointId) {
        return find(vpcEndpointId).orElseGet(() -> {
            EndpointDnsRow row = new EndpointDnsRow();
            row.vpcEndpointId = vpcEndpointId;
            return row;
        });
    }
}

package dev.privet.consumer.projection;

import dev.privet.consumer.domain.AccessControls;
import dev.privet.consumer.domain.EndpointState;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.contracts.events.Values.DnsEntry;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A VPC endpoint in this service's read model: written by {@link VpcEndpointsView} in the transaction that appends
 * its events, so a read after a write sees it. Its DNS entries are two arrays of one length, names and zones.
 */
@Entity
@Table(name = "vpc_endpoints")
public class VpcEndpointRow extends PanacheEntityBase {
    @Id
    @Column(name = "vpc_endpoint_id")
    public String vpcEndpointId;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "vpc_endpoint_type", nullable = false)
    public String vpcEndpointType;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    @Column(name = "vpc_id", nullable = false)
    public String vpcId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "subnet_ids", nullable = false)
    public List<String> subnetIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "route_table_ids", nullable = false)
    public List<String> routeTableIds = new ArrayList<>();

    @Column(name = "state", nullable = false)
    public String state;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "network_interface_ids", nullable = false)
    public List<String> networkInterfaceIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "dns_names", nullable = false)
    public List<String> dnsNames = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "dns_hosted_zone_ids", nullable = false)
    public List<String> dnsHostedZoneIds = new ArrayList<>();

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "released", nullable = false)
    public boolean released;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "security_group_ids", nullable = false)
    public List<String> securityGroupIds = new ArrayList<>();

    /** Null for the default policy. */
    @Column(name = "policy_document")
    public String policyDocument;

    /** When it was deleted; null while it is not. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    public static Optional<VpcEndpointRow> find(String vpcEndpointId) {
        return findByIdOptional(vpcEndpointId);
    }

    /** The account's endpoints not deleted before {@code deletedSince}, oldest first. */
    public static List<VpcEndpointRow> ownedBy(String ownerId, Instant deletedSince) {
        return find("ownerId = ?1 and (deletedAt is null or deletedAt > ?2)", Sort.by("createdAt").and("vpcEndpointId"),
                ownerId, deletedSince).list();
    }

    /** Whether reads still show it: not deleted, or deleted after {@code deletedSince}. */
    public boolean isShownSince(Instant deletedSince) {
        return deletedAt == null || deletedAt.isAfter(deletedSince);
    }

    /** The endpoint this row holds. */
    public VpcEndpoint endpoint() {
        List<DnsEntry> dns = new ArrayList<>(dnsNames.size());
        for (int i = 0; i < dnsNames.size(); i++) {
            dns.add(new DnsEntry(dnsNames.get(i), dnsHostedZoneIds.get(i)));
        }
        return new VpcEndpoint(vpcEndpointId, ownerId, vpcEndpointType, serviceId, serviceName, vpcId, subnetIds,
                routeTableIds, EndpointState.fromWire(state), networkInterfaceIds, dns, failureReason, createdAt,
                released, new AccessControls(securityGroupIds, policyDocument));
    }

    /** Makes this row hold {@code e}, the same endpoint folded one event further. */
    void hold(VpcEndpoint e) {
        vpcEndpointId = e.vpcEndpointId();
        ownerId = e.ownerId();
        vpcEndpointType = e.vpcEndpointType();
        serviceId = e.serviceId();
        serviceName = e.serviceName();
        vpcId = e.vpcId();
        subnetIds = new ArrayList<>(e.subnetIds());
        routeTableIds = new ArrayList<>(e.routeTableIds());
        state = e.state().wireName();
        networkInterfaceIds = new ArrayList<>(e.networkInterfaceIds());
        dnsNames = new ArrayList<>(e.dnsEntries().stream().map(DnsEntry::dnsName).toList());
        dnsHostedZoneIds = new ArrayList<>(e.dnsEntries().stream().map(DnsEntry::hostedZoneId).toList());
        failureReason = e.failureReason();
        createdAt = e.creationTime();
        released = e.released();
        securityGroupIds = new ArrayList<>(e.access().securityGroupIds());
        policyDocument = e.access().policyDocument();
    }
}

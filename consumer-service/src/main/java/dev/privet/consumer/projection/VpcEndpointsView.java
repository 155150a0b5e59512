package dev.privet.consumer.projection;

import dev.privet.consumer.domain.EndpointState;
import dev.privet.consumer.domain.VpcEndpoint;
import dev.privet.consumer.domain.VpcEndpointDecider;
import dev.privet.consumer.domain.VpcEndpointState;
import dev.privet.contracts.events.ConsumerEvent;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.eventstore.InlineProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * This service's own VPC endpoints, for reads and lists. Written inline: the event store runs it in the transaction
 * that appends an endpoint's events, so a read after a write sees it, from any replica, without waiting. Each row is
 * the endpoint folded with the same {@link VpcEndpointDecider#evolve} as the write side, so the two cannot drift.
 */
@ApplicationScoped
public class VpcEndpointsView implements InlineProjection {
    public static final String NAME = "vpc-endpoints";
    private static final VpcEndpointDecider DECIDER = new VpcEndpointDecider();
    private static final String COLUMNS = "vpc_endpoint_id, owner_id, vpc_endpoint_type, service_id, service_name, "
            + "vpc_id, subnet_ids, state, network_interface_ids, dns_names, dns_hosted_zone_ids, failure_reason, "
            + "created_at";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        if (!(envelope.event() instanceof ConsumerEvent event)) {
            return; // the service's other streams, if it ever has any
        }
        VpcEndpointState current = find(c, event.vpcEndpointId()).<VpcEndpointState>map(e -> e)
                .orElseGet(DECIDER::initialState);
        if (DECIDER.evolve(current, event, envelope.time()) instanceof VpcEndpoint next) {
            save(c, next);
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("delete from vpc_endpoints"); // not truncate: readers keep the old rows until the rebuild commits
        }
    }

    public Optional<VpcEndpoint> find(Connection c, String vpcEndpointId) throws SQLException {
        return query(c, "where vpc_endpoint_id = ?", vpcEndpointId).stream().findFirst();
    }

    /** The account's endpoints, oldest first. */
    public List<VpcEndpoint> ownedBy(Connection c, String ownerId) throws SQLException {
        return query(c, "where owner_id = ? order by created_at, vpc_endpoint_id", ownerId);
    }

    private List<VpcEndpoint> query(Connection c, String where, String param) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from vpc_endpoints " + where)) {
            st.setString(1, param);
            List<VpcEndpoint> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        }
    }

    private static VpcEndpoint read(ResultSet rs) throws SQLException {
        List<String> names = strings(rs.getArray(10));
        List<String> zones = strings(rs.getArray(11));
        List<DnsEntry> dns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            dns.add(new DnsEntry(names.get(i), zones.get(i)));
        }
        return new VpcEndpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), strings(rs.getArray(7)), EndpointState.fromWire(rs.getString(8)),
                strings(rs.getArray(9)), dns, rs.getString(12), rs.getTimestamp(13).toInstant());
    }

    private static void save(Connection c, VpcEndpoint e) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("insert into vpc_endpoints (" + COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (vpc_endpoint_id) do update set "
                + "state = excluded.state, network_interface_ids = excluded.network_interface_ids, "
                + "dns_names = excluded.dns_names, dns_hosted_zone_ids = excluded.dns_hosted_zone_ids, "
                + "failure_reason = excluded.failure_reason")) {
            st.setString(1, e.vpcEndpointId());
            st.setString(2, e.ownerId());
            st.setString(3, e.vpcEndpointType());
            st.setString(4, e.serviceId());
            st.setString(5, e.serviceName());
            st.setString(6, e.vpcId());
            st.setArray(7, c.createArrayOf("text", e.subnetIds().toArray()));
            st.setString(8, e.state().wireName());
            st.setArray(9, c.createArrayOf("text", e.networkInterfaceIds().toArray()));
            st.setArray(10, c.createArrayOf("text", e.dnsEntries().stream().map(DnsEntry::dnsName).toArray()));
            st.setArray(11, c.createArrayOf("text", e.dnsEntries().stream().map(DnsEntry::hostedZoneId).toArray()));
            st.setString(12, e.failureReason());
            st.setTimestamp(13, Timestamp.from(e.creationTime()));
            st.executeUpdate();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
}

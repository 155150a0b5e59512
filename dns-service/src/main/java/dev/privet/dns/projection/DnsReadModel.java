package dev.privet.dns.projection;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the names read model, for the API (Panache queries of {@link EndpointDnsRow} and {@link DnsRecordRow})
 * and for the DNS server. Names are looked up lower case, without the final dot. The model is written inline with the
 * dns events ({@link DnsRecordsProjection}), so a read sees every committed publication and removal: there is nothing
 * to wait for and no cache to invalidate.
 */
@ApplicationScoped
public class DnsReadModel {
    private final DataSource dataSource;

    DnsReadModel(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The values of one name and type. */
    public record RecordSet(String name, String type, List<String> values) {
    }

    public Optional<EndpointDnsRow> endpoint(String vpcEndpointId) {
        return EndpointDnsRow.find(vpcEndpointId);
    }

    /** The endpoint's record sets, in the order of its DNS entries (regional first). */
    public List<RecordSet> recordsOf(EndpointDnsRow endpoint) {
        Map<String, RecordSet> byName = recordSets(DnsRecordRow.ofEndpoint(endpoint.vpcEndpointId));
        List<RecordSet> ordered = new ArrayList<>();
        endpoint.dnsEntries.forEach(entry -> byName.entrySet().stream()
                .filter(e -> e.getKey().startsWith(entry.dnsName().toLowerCase(Locale.ROOT) + "/"))
                .forEach(e -> ordered.add(e.getValue())));
        return ordered;
    }

    public List<RecordSet> recordsNamed(String name) {
        return List.copyOf(recordSets(DnsRecordRow.named(name)).values());
    }

    /**
     * The A record values of a name, straight from PostgreSQL (one primary-key lookup): what the DNS server answers
     * with, for every query packet. Plain JDBC on purpose, the one read of a read model that is not a Panache query:
     * it runs on the DNS server's threads, outside any request, and must not pay for a session and a transaction per
     * packet. No cache on purpose either: a commit on another replica could not invalidate it, and the names must
     * resolve the moment their publication is on Kafka, from every replica.
     */
    public List<String> addresses(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "select value from dns_records where name = ? and type = 'A' order by value")) {
            st.setString(1, name);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** Rows in name, type and value order, grouped into record sets keyed {@code name/type}. */
    private static Map<String, RecordSet> recordSets(List<DnsRecordRow> rows) {
        Map<String, RecordSet> byName = new LinkedHashMap<>();
        for (DnsRecordRow row : rows) {
            byName.computeIfAbsent(row.name + "/" + row.type, k -> new RecordSet(row.name, row.type, new ArrayList<>()))
                    .values().add(row.value);
        }
        return byName;
    }
}

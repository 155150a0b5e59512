package dev.privet.dns.projection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.Values.DnsEntry;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Reads of the names read model, for the API and for the DNS server. Names are looked up lower case, without the final
 * dot. The model is written inline with the dns events ({@link DnsRecordsProjection}), so a read sees every committed
 * publication and removal: there is nothing to wait for and no cache to invalidate.
 */
@ApplicationScoped
public class DnsReadModel {
    private static final TypeReference<List<DnsEntry>> ENTRIES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    DnsReadModel(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** An endpoint's row: its state and the names it was given. */
    public record EndpointNames(String vpcEndpointId, String state, List<DnsEntry> dnsEntries) {
    }

    /** The values of one name and type. */
    public record RecordSet(String name, String type, List<String> values) {
    }

    public Optional<EndpointNames> endpoint(Connection c, String vpcEndpointId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "select state, dns_entries::text from endpoint_dns where vpc_endpoint_id = ?")) {
            st.setString(1, vpcEndpointId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new EndpointNames(vpcEndpointId, rs.getString(1), entries(rs.getString(2))))
                        : Optional.empty();
            }
        }
    }

    /** The endpoint's record sets, in the order of its DNS entries (regional first). */
    public List<RecordSet> recordsOf(Connection c, EndpointNames endpoint) throws SQLException {
        Map<String, RecordSet> byName = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "select name, type, value from dns_records where vpc_endpoint_id = ? order by name, type, value")) {
            st.setString(1, endpoint.vpcEndpointId());
            collect(st, byName);
        }
        List<RecordSet> ordered = new ArrayList<>();
        for (DnsEntry entry : endpoint.dnsEntries()) {
            byName.entrySet().stream().filter(e -> e.getKey().startsWith(entry.dnsName().toLowerCase(Locale.ROOT) + "/"))
                    .forEach(e -> ordered.add(e.getValue()));
        }
        return ordered;
    }

    public List<RecordSet> recordsNamed(Connection c, String name) throws SQLException {
        Map<String, RecordSet> byName = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "select name, type, value from dns_records where name = ? order by type, value")) {
            st.setString(1, name);
            collect(st, byName);
        }
        return List.copyOf(byName.values());
    }

    /**
     * The A record values of a name, straight from PostgreSQL (one primary-key lookup): what the DNS server answers
     * with. No cache on purpose: a commit on another replica could not invalidate it, and the names must resolve the
     * moment their publication is on Kafka, from every replica.
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

    private static void collect(PreparedStatement st, Map<String, RecordSet> byName) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                String type = rs.getString(2);
                RecordSet set = byName.computeIfAbsent(name + "/" + type, k -> new RecordSet(name, type, new ArrayList<>()));
                set.values().add(rs.getString(3));
            }
        }
    }

    private List<DnsEntry> entries(String text) {
        try {
            return json.readValue(text, ENTRIES);
        } catch (IOException e) {
            throw new UncheckedIOException("endpoint_dns.dns_entries is not a list of DNS entries", e);
        }
    }
}

package dev.privet.dns;

import dev.privet.dns.domain.AnsweredAddress;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.dns.domain.AddressRecordSet;
import dev.privet.dns.zone.ServedNames;
import dev.privet.eventstore.EventStore;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the read models with what the event store says they must hold: the inline one (endpoint_dns), both read in
 * one snapshot (repeatable read), so the comparison holds even while reactions keep appending; and the served names,
 * in memory, with the names a replay of the whole store gives.
 */
final class ModelAgainstStore {
    private static final TypeReference<List<DnsEntry>> ENTRIES = new TypeReference<>() {
    };

    record EndpointRow(String vpcEndpointId, String serviceId, String state, List<DnsEntry> dnsEntries) {
    }

    record RecordRow(String name, String value, String vpcEndpointId) {
    }

    record Model(Set<EndpointRow> endpoints, Set<RecordRow> records) {
    }

    private final DataSource dataSource;
    private final EventStore store;
    private final ObjectMapper json = new ObjectMapper();

    ModelAgainstStore(DataSource dataSource, EventStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** Asserts that the model equals the store's; returns how many endpoints the store held. */
    int assertEqual() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Model expected = fromStore(c);
                assertThat(endpointsInModel(c)).isEqualTo(expected.endpoints());
                return expected.endpoints().size();
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private Model fromStore(Connection c) throws SQLException {
        List<String> streams = new ArrayList<>();
        try (var st = c.prepareStatement("select distinct stream_id from events where stream_type = 'endpoint-dns'");
             var rs = st.executeQuery()) {
            while (rs.next()) {
                streams.add(rs.getString(1));
            }
        }
        Set<EndpointRow> endpoints = new HashSet<>();
        Set<RecordRow> records = new HashSet<>();
        for (String id : streams) {
            String serviceId = null;
            String state = null;
            List<DnsEntry> entries = List.of();
            Set<RecordRow> current = new HashSet<>();
            for (EventEnvelope envelope : store.load(c, id)) {
                switch (envelope.event()) {
                    case EndpointDnsPublished published -> {
                        serviceId = published.serviceId();
                        state = "published";
                        entries = published.dnsEntries();
                        current.clear();
                        for (AddressRecordSet set : AddressRecordSet.of(published, AnsweredAddress.DATA_PLANE)) {
                            set.addresses().forEach(a -> current.add(new RecordRow(set.name(), a, id)));
                        }
                    }
                    case EndpointDnsRemoved removed -> {
                        serviceId = removed.serviceId();
                        state = "removed";
                        current.clear();
                    }
                    default -> throw new AssertionError("not a dns event: " + envelope);
                }
            }
            endpoints.add(new EndpointRow(id, serviceId, state, entries));
            records.addAll(current);
        }
        return new Model(endpoints, records);
    }

    /**
     * Asserts that {@code live} serves what the store's streams published (no two endpoints here share a name), and
     * exactly what a replay of the whole store, in position order, gives.
     */
    void assertServedNamesEqual(ServedNames live) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                ServedNames replayed = new ServedNames(AnsweredAddress.DATA_PLANE);
                try (var st = c.prepareStatement("select distinct stream_id from events"); var rs = st.executeQuery()) {
                    while (rs.next()) {
                        store.load(c, rs.getString(1)).forEach(replayed::apply); // streams share no name
                    }
                }
                assertThat(records(live)).isEqualTo(fromStore(c).records());
                assertThat(live.all()).isEqualTo(replayed.all());
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private static Set<RecordRow> records(ServedNames names) {
        Set<RecordRow> records = new HashSet<>();
        names.all().forEach((name, held) -> held.addresses()
                .forEach(a -> records.add(new RecordRow(name, a.text(), a.vpcEndpointId()))));
        return records;
    }

    private Set<EndpointRow> endpointsInModel(Connection c) throws SQLException, IOException {
        Set<EndpointRow> endpoints = new HashSet<>();
        try (var st = c.prepareStatement("select vpc_endpoint_id, service_id, state, dns_entries::text from endpoint_dns");
             var rs = st.executeQuery()) {
            while (rs.next()) {
                endpoints.add(new EndpointRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        json.readValue(rs.getString(4), ENTRIES)));
            }
        }
        return endpoints;
    }
}

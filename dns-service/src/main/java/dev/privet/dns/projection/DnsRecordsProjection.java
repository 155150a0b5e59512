package dev.privet.dns.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Topic;
import dev.privet.dns.domain.AddressRecordSet;
import dev.privet.dns.domain.EndpointDnsStatus;
import dev.privet.runtime.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps the names and records of endpoints ({@code endpoint_dns}, {@code dns_records}) from the dns topic: a
 * publication inserts the endpoint's A records, a removal deletes them. Everything comes from the events, so a
 * rebuild gives the same tables.
 */
@ApplicationScoped
public class DnsRecordsProjection implements Projection {
    public static final String NAME = "dns-records";

    private final DnsReadModel readModel;
    private final ObjectMapper json;

    DnsRecordsProjection(DnsReadModel readModel, ObjectMapper json) {
        this.readModel = readModel;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.DNS);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        if (!(envelope.event() instanceof DnsEvent event)
                || readModel.version(c, event.vpcEndpointId()) >= envelope.version()) {
            return; // not ours, or already applied
        }
        switch (event) {
            case EndpointDnsPublished published -> published(c, envelope.version(), published);
            case EndpointDnsRemoved removed -> removed(c, envelope.version(), removed);
        }
    }

    private void published(Connection c, long version, EndpointDnsPublished published) throws SQLException {
        upsertEndpoint(c, published.vpcEndpointId(), published.serviceId(), EndpointDnsStatus.PUBLISHED,
                entriesJson(published), version);
        deleteRecords(c, published.vpcEndpointId());
        try (PreparedStatement st = c.prepareStatement("""
                insert into dns_records (name, type, value, vpc_endpoint_id, version) values (?, 'A', ?, ?, ?)
                on conflict (name, type, value) do update
                    set vpc_endpoint_id = excluded.vpc_endpoint_id, version = excluded.version""")) {
            for (AddressRecordSet set : AddressRecordSet.of(published)) {
                for (String address : set.addresses()) {
                    st.setString(1, set.name());
                    st.setString(2, address);
                    st.setString(3, published.vpcEndpointId());
                    st.setLong(4, version);
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    /** The endpoint stays known (state removed, names kept for the record) but none of its names resolve. */
    private void removed(Connection c, long version, EndpointDnsRemoved removed) throws SQLException {
        upsertEndpoint(c, removed.vpcEndpointId(), removed.serviceId(), EndpointDnsStatus.REMOVED, null, version);
        deleteRecords(c, removed.vpcEndpointId());
    }

    private static void upsertEndpoint(Connection c, String id, String serviceId, EndpointDnsStatus state,
                                       String entriesJson, long version) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into endpoint_dns (vpc_endpoint_id, service_id, state, dns_entries, version)
                values (?, ?, ?, coalesce(?::jsonb, '[]'::jsonb), ?)
                on conflict (vpc_endpoint_id) do update
                    set service_id = excluded.service_id, state = excluded.state, version = excluded.version,
                        dns_entries = coalesce(?::jsonb, endpoint_dns.dns_entries)""")) {
            st.setString(1, id);
            st.setString(2, serviceId);
            st.setString(3, state.wireName());
            st.setString(4, entriesJson);
            st.setLong(5, version);
            st.setString(6, entriesJson);
            st.executeUpdate();
        }
    }

    private static void deleteRecords(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("delete from dns_records where vpc_endpoint_id = ?")) {
            st.setString(1, id);
            st.executeUpdate();
        }
    }

    private String entriesJson(EndpointDnsPublished published) {
        try {
            return json.writeValueAsString(published.dnsEntries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DNS entries are plain records", e);
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.executeUpdate("truncate dns_records, endpoint_dns");
        }
    }
}

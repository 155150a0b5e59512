package dev.privet.dns.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.dns.domain.AddressRecordSet;
import dev.privet.eventstore.InlineProjection;
import dev.privet.runtime.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps the names and records of endpoints ({@code endpoint_dns}, {@code dns_records}), inline: the event store runs
 * it in the transaction that appends the dns events, so the records commit with {@code EndpointDnsPublished} and are
 * gone with the commit of {@code EndpointDnsRemoved}. The relay publishes only committed events, so by the time either
 * is on Kafka the DNS server, which reads these tables, already answers accordingly. Everything comes from the
 * events, so a rebuild from the store gives the same tables.
 */
@ApplicationScoped
public class DnsRecordsProjection implements InlineProjection {
    public static final String NAME = "dns-records";
    static final String PUBLISHED = "published";
    static final String REMOVED = "removed";

    private final ObjectMapper json;

    DnsRecordsProjection(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) throws SQLException {
        switch (envelope.event()) {
            case EndpointDnsPublished published -> published(c, published);
            case EndpointDnsRemoved removed -> removed(c, removed);
            default -> { } // not an event of this model
        }
    }

    private void published(Connection c, EndpointDnsPublished published) throws SQLException {
        Sql.update(c, """
                insert into endpoint_dns (vpc_endpoint_id, service_id, state, dns_entries) values (?, ?, ?, ?::jsonb)
                on conflict (vpc_endpoint_id) do update
                    set service_id = excluded.service_id, state = excluded.state, dns_entries = excluded.dns_entries""",
                published.vpcEndpointId(), published.serviceId(), PUBLISHED, entriesJson(published));
        deleteRecords(c, published.vpcEndpointId());
        try (PreparedStatement st = c.prepareStatement("""
                insert into dns_records (name, type, value, vpc_endpoint_id) values (?, 'A', ?, ?)
                on conflict (name, type, value) do update set vpc_endpoint_id = excluded.vpc_endpoint_id""")) {
            for (AddressRecordSet set : AddressRecordSet.of(published)) {
                for (String address : set.addresses()) {
                    st.setString(1, set.name());
                    st.setString(2, address);
                    st.setString(3, published.vpcEndpointId());
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    /** The endpoint stays known (state removed, its names kept for the record) but none of its names resolve. */
    private static void removed(Connection c, EndpointDnsRemoved removed) throws SQLException {
        Sql.update(c, """
                insert into endpoint_dns (vpc_endpoint_id, service_id, state) values (?, ?, ?)
                on conflict (vpc_endpoint_id) do update set service_id = excluded.service_id, state = excluded.state""",
                removed.vpcEndpointId(), removed.serviceId(), REMOVED);
        deleteRecords(c, removed.vpcEndpointId());
    }

    private static void deleteRecords(Connection c, String vpcEndpointId) throws SQLException {
        Sql.update(c, "delete from dns_records where vpc_endpoint_id = ?", vpcEndpointId);
    }

    private String entriesJson(EndpointDnsPublished published) {
        try {
            return json.writeValueAsString(published.dnsEntries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DNS entries are plain records", e);
        }
    }

    /**
     * Deletes rather than truncates: a truncate would lock the tables until the rebuild commits and stall every DNS
     * query meanwhile; with deletes, the DNS server answers from the old model until the rebuilt one commits.
     */
    @Override
    public void reset(Connection c) throws SQLException {
        Sql.update(c, "delete from dns_records");
        Sql.update(c, "delete from endpoint_dns");
    }
}

package dev.privet.dns.projection;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.dns.domain.AddressRecordSet;
import dev.privet.eventstore.InlineProjection;
import dev.privet.runtime.ReadModelTables;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the names and records of endpoints ({@link EndpointDnsRow}, {@link DnsRecordRow}), inline: the event store
 * runs it in the transaction that appends the dns events, so the records commit with {@code EndpointDnsPublished}
 * and are gone with the commit of {@code EndpointDnsRemoved}. The relay publishes only committed events, so by the
 * time either is on Kafka the DNS server, which reads these tables, already answers accordingly. Everything comes
 * from the events, so a rebuild from the store gives the same tables.
 */
@ApplicationScoped
public class DnsRecordsProjection implements InlineProjection {
    public static final String NAME = "dns-records";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        switch (envelope.event()) {
            case EndpointDnsPublished published -> published(published);
            case EndpointDnsRemoved removed -> removed(removed);
            default -> { } // not an event of this model
        }
    }

    private static void published(EndpointDnsPublished published) {
        EndpointDnsRow endpoint = EndpointDnsRow.findOrNew(published.vpcEndpointId());
        endpoint.serviceId = published.serviceId();
        endpoint.state = EndpointDnsRow.PUBLISHED;
        endpoint.dnsEntries = new ArrayList<>(published.dnsEntries());
        endpoint.persist();
        Set<DnsRecordRow.Key> values = new LinkedHashSet<>();
        for (AddressRecordSet set : AddressRecordSet.of(published)) {
            set.addresses().forEach(address -> values.add(new DnsRecordRow.Key(set.name(), DnsRecordRow.ADDRESS, address)));
        }
        replaceRecords(published.vpcEndpointId(), values);
    }

    /** The endpoint stays known (state removed, its names kept for the record) but none of its names resolve. */
    private static void removed(EndpointDnsRemoved removed) {
        EndpointDnsRow endpoint = EndpointDnsRow.findOrNew(removed.vpcEndpointId());
        endpoint.serviceId = removed.serviceId();
        endpoint.state = EndpointDnsRow.REMOVED;
        endpoint.persist();
        replaceRecords(removed.vpcEndpointId(), Set.of());
    }

    /**
     * The endpoint's values become exactly {@code values}: the others are deleted and the new ones written; a value
     * another endpoint held moves to this one.
     */
    private static void replaceRecords(String vpcEndpointId, Set<DnsRecordRow.Key> values) {
        Set<DnsRecordRow.Key> missing = new LinkedHashSet<>(values);
        for (DnsRecordRow held : DnsRecordRow.ofEndpoint(vpcEndpointId)) {
            if (!missing.remove(held.key())) {
                held.delete();
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Map<DnsRecordRow.Key, DnsRecordRow> heldElsewhere = new HashMap<>();
        DnsRecordRow.namedAny(missing.stream().map(DnsRecordRow.Key::name).distinct().toList())
                .forEach(row -> heldElsewhere.put(row.key(), row));
        for (DnsRecordRow.Key key : missing) {
            DnsRecordRow row = heldElsewhere.computeIfAbsent(key, DnsRecordRow::of);
            row.vpcEndpointId = vpcEndpointId;
            row.persist();
        }
    }

    /**
     * Deletes rather than truncates: a truncate would lock the tables until the rebuild commits and stall every DNS
     * query meanwhile; with deletes, the DNS server answers from the old model until the rebuilt one commits.
     */
    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "dns_records", "endpoint_dns");
    }
}

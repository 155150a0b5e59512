package dev.privet.dns.projection;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.DnsEvent.EndpointDnsRemoved;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.eventstore.InlineProjection;
import dev.privet.runtime.ReadModelTables;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * Keeps each endpoint's DNS state and names ({@link EndpointDnsRow}), inline: the event store runs it in the
 * transaction that appends the dns events, so a read after the commit sees it on every replica. Everything comes from
 * the events, so a rebuild from the store gives the same table. The records themselves, what the DNS server answers,
 * are kept in memory ({@code ServedNames}).
 */
@ApplicationScoped
public class EndpointDnsProjection implements InlineProjection {
    public static final String NAME = "endpoint-dns";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        switch (envelope.event()) {
            case EndpointDnsPublished published -> {
                EndpointDnsRow endpoint = EndpointDnsRow.findOrNew(published.vpcEndpointId());
                endpoint.serviceId = published.serviceId();
                endpoint.state = EndpointDnsRow.PUBLISHED;
                endpoint.dnsEntries = new ArrayList<>(published.dnsEntries());
                endpoint.persist();
            }
            case EndpointDnsRemoved removed -> { // the endpoint stays known, its names kept for the record
                EndpointDnsRow endpoint = EndpointDnsRow.findOrNew(removed.vpcEndpointId());
                endpoint.serviceId = removed.serviceId();
                endpoint.state = EndpointDnsRow.REMOVED;
                endpoint.persist();
            }
            default -> { } // not an event of this model
        }
    }

    /** Deletes rather than truncates: readers see the old rows until the rebuilt ones commit. */
    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "endpoint_dns");
    }
}

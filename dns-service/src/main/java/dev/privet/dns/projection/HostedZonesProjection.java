package dev.privet.dns.projection;

import dev.privet.contracts.events.DnsEvent.HostedZoneCreated;
import dev.privet.contracts.events.DnsEvent.HostedZoneDeleted;
import dev.privet.contracts.events.DnsEvent.RecordSetsChanged;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.dns.domain.ApexRecordSets;
import dev.privet.eventstore.InlineProjection;
import dev.privet.runtime.ReadModelTables;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the hosted zones ({@link HostedZoneRow}), their record sets ({@link RecordSetRow}) and the caller references
 * of every zone ever created ({@link HostedZoneReferenceRow}), inline: the event
 * store runs it in the transaction that appends the hosted-zone events, so a list after a change shows it, on every
 * replica. A zone's SOA and NS come from its name ({@link ApexRecordSets}) and the rest from the change batches, in
 * order, so a rebuild from the store gives the same tables.
 */
@ApplicationScoped
public class HostedZonesProjection implements InlineProjection {
    public static final String NAME = "hosted-zones";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        switch (envelope.event()) {
            case HostedZoneCreated created -> {
                HostedZoneRow zone = new HostedZoneRow();
                zone.hostedZoneId = created.hostedZoneId();
                zone.account = created.account();
                zone.name = created.name();
                zone.callerReference = created.callerReference();
                zone.comment = created.comment();
                zone.recordSetCount = ApexRecordSets.count();
                zone.persist();
                HostedZoneReferenceRow reference = new HostedZoneReferenceRow();
                reference.hostedZoneId = created.hostedZoneId();
                reference.account = created.account();
                reference.callerReference = created.callerReference();
                reference.persist();
                ApexRecordSets.of(created.name()).forEach(set -> RecordSetRow.of(created.hostedZoneId(), set).persist());
            }
            case RecordSetsChanged changed -> {
                HostedZoneRow zone = HostedZoneRow.findById(changed.hostedZoneId());
                // One write per set the batch touches, with what the batch leaves of it (a set deleted and then
                // created again in one batch is one row changed, not a row deleted and one inserted with its id).
                Map<String, RecordSet> after = new LinkedHashMap<>();
                for (RecordSetChange change : changed.changes()) {
                    RecordSet set = change.recordSet();
                    after.put(RecordSetRow.idOf(zone.hostedZoneId, set.name(), set.type()),
                            change.action().equals("DELETE") ? null : set);
                }
                after.forEach((id, set) -> {
                    RecordSetRow existing = RecordSetRow.findById(id);
                    if (set == null && existing != null) {
                        existing.delete();
                        zone.recordSetCount--;
                    } else if (set != null && existing != null) {
                        existing.ttl = set.ttl();
                        existing.values = new ArrayList<>(set.values());
                    } else if (set != null) {
                        RecordSetRow.of(zone.hostedZoneId, set).persist();
                        zone.recordSetCount++;
                    }
                });
            }
            case HostedZoneDeleted deleted -> {
                RecordSetRow.delete("hostedZoneId", deleted.hostedZoneId());
                HostedZoneRow.deleteById(deleted.hostedZoneId());
            }
            default -> { } // not an event of hosted zones
        }
    }

    /** Deletes rather than truncates: readers see the old rows until the rebuilt ones commit. */
    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "hosted_zone_record_sets");
        ReadModelTables.empty(c, "hosted_zones");
        ReadModelTables.empty(c, "hosted_zone_references");
    }
}

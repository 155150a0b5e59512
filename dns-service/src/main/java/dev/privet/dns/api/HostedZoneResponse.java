package dev.privet.dns.api;

import dev.privet.dns.domain.ApexRecordSets;
import dev.privet.dns.domain.HostedZone.Zone;
import dev.privet.dns.projection.HostedZoneRow;

import java.util.List;

/** A hosted zone as the API shows it; its name servers are Privet's one DNS server. */
public record HostedZoneResponse(String id, String name, String callerReference, String comment,
                                 int resourceRecordSetCount, List<String> nameServers) {

    static HostedZoneResponse of(HostedZoneRow row) {
        return new HostedZoneResponse(row.hostedZoneId, row.name, row.callerReference, row.comment,
                row.recordSetCount, List.of(ApexRecordSets.NAME_SERVER));
    }

    static HostedZoneResponse of(Zone zone) {
        return new HostedZoneResponse(zone.hostedZoneId(), zone.name(), zone.callerReference(), zone.comment(),
                zone.recordSetCount(), List.of(ApexRecordSets.NAME_SERVER));
    }
}

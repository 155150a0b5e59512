package dev.privet.dns.api;

import dev.privet.dns.projection.EndpointDnsRow;
import dev.privet.dns.projection.DnsReadModel.RecordSet;

import java.util.List;

/** An endpoint's names as the API shows them: its state, its DNS entries (regional first) and their records. */
public record EndpointDnsResponse(String vpcEndpointId, String state, List<DnsEntryResponse> dnsEntries,
                                  List<RecordSetResponse> records) {

    /** One DNS entry, as AWS lists it in {@code DnsEntries}. */
    public record DnsEntryResponse(String dnsName, String hostedZoneId) {
    }

    static EndpointDnsResponse of(EndpointDnsRow endpoint, List<RecordSet> records) {
        return new EndpointDnsResponse(endpoint.vpcEndpointId, endpoint.state,
                endpoint.dnsEntries.stream().map(e -> new DnsEntryResponse(e.dnsName(), e.hostedZoneId())).toList(),
                records.stream().map(RecordSetResponse::of).toList());
    }
}

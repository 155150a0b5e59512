package dev.privet.dns.api;

import dev.privet.dns.projection.DnsReadModel.RecordSet;

import java.util.List;

/** The values of one name and type, as the DNS server answers them. */
public record RecordSetResponse(String name, String type, List<String> values) {

    static RecordSetResponse of(RecordSet set) {
        return new RecordSetResponse(set.name(), set.type(), List.copyOf(set.values()));
    }
}

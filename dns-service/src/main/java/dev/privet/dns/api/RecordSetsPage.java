package dev.privet.dns.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.contracts.events.Values.RecordSet;

import java.util.List;

/** One page of ListResourceRecordSets; when truncated, the name and type the next page starts at. */
public record RecordSetsPage(List<ResourceRecordSet> resourceRecordSets, boolean isTruncated,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String nextRecordName,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String nextRecordType, int maxItems) {

    /** A record set as Route 53 writes it. */
    public record ResourceRecordSet(String name, String type, long ttl, List<ResourceRecord> resourceRecords) {
        static ResourceRecordSet of(RecordSet set) {
            return new ResourceRecordSet(set.name(), set.type(), set.ttl(),
                    set.values().stream().map(ResourceRecord::new).toList());
        }
    }

    public record ResourceRecord(String value) {
    }
}

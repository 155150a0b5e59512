package dev.privet.dns.api;

import dev.privet.dns.domain.ChangeBatch;

import java.util.List;

/** The body of ChangeResourceRecordSets: the changes, applied in order, all or nothing. */
public record ChangeBatchRequest(List<Change> changes) {

    /** One change: CREATE, UPSERT or DELETE of a record set. */
    public record Change(String action, ResourceRecordSet resourceRecordSet) {
    }

    /** A record set as Route 53 writes it. */
    public record ResourceRecordSet(String name, String type, Long ttl, List<ResourceRecord> resourceRecords) {
    }

    /** One value, in master-file text of the set's type. */
    public record ResourceRecord(String value) {
    }

    /** The batch, each change checked alone; throws {@code InvalidChangeBatch} naming the field at fault. */
    ChangeBatch batch() {
        ChangeBatch batch = ChangeBatch.ofSize(changes == null ? 0 : changes.size());
        for (Change change : changes) {
            ResourceRecordSet set = change == null || change.resourceRecordSet() == null
                    ? new ResourceRecordSet(null, null, null, null) : change.resourceRecordSet();
            List<String> values = set.resourceRecords() == null ? null
                    : set.resourceRecords().stream().map(r -> r == null ? null : r.value()).toList();
            batch.add(change == null ? null : change.action(), set.name(), set.type(), set.ttl(), values);
        }
        return batch;
    }
}

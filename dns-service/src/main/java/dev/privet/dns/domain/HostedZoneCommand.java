package dev.privet.dns.domain;

import dev.privet.contracts.events.Values.RecordSetChange;

import java.util.List;

/** What a provider asks of one of its hosted zones; {@code account} is the caller's. */
public sealed interface HostedZoneCommand {

    String account();

    /**
     * Create a zone. Its name is normalized and checked against the other zones beforehand ({@link ZoneNames}),
     * under a lock: that check spans streams.
     */
    record CreateHostedZone(String hostedZoneId, String name, String account, String callerReference,
                            String comment) implements HostedZoneCommand {
    }

    /** Apply a change batch whose changes were each checked alone ({@link ChangeBatch}), all or nothing. */
    record ChangeRecordSets(String account, String changeId, List<RecordSetChange> changes)
            implements HostedZoneCommand {
        public ChangeRecordSets {
            changes = List.copyOf(changes);
        }
    }

    /** Delete a zone that holds no record sets but its SOA and NS. */
    record DeleteHostedZone(String account) implements HostedZoneCommand {
    }
}

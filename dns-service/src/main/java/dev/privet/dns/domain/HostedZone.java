package dev.privet.dns.domain;

import dev.privet.contracts.events.Values.RecordSet;

import java.util.Map;

/** A public hosted zone, folded from its {@code hosted-zone} stream: not created yet, served, or deleted for good. */
public sealed interface HostedZone {

    /** The initial state: no zone has this id. */
    record NoZone() implements HostedZone {
    }

    /**
     * A served zone and the record sets a provider made in it, by name and type (its SOA and NS are derived from its
     * name: {@link ApexRecordSets}).
     */
    record Zone(String hostedZoneId, String name, String account, String callerReference, String comment,
                Map<Key, RecordSet> recordSets) implements HostedZone {
        public Zone {
            recordSets = Map.copyOf(recordSets);
        }

        /** Whether {@code caller} owns the zone: to any other account it does not exist. */
        public boolean ownedBy(String caller) {
            return account.equals(caller);
        }

        /** How many record sets the zone has, its SOA and NS included, as Route 53 counts them. */
        public int recordSetCount() {
            return recordSets.size() + ApexRecordSets.count();
        }
    }

    /** The zone was deleted; its id is never used again. Terminal. */
    record Deleted(String hostedZoneId) implements HostedZone {
    }

    /** A record set's identity in its zone: its name and type. */
    record Key(String name, String type) {
        static Key of(RecordSet set) {
            return new Key(set.name(), set.type());
        }
    }
}

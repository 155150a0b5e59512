package dev.privet.dns.domain;

import dev.privet.contracts.events.Values.RecordSet;

import java.util.List;

/**
 * The SOA and NS record sets every hosted zone has at its apex from its creation, as Route 53 gives them, naming
 * Privet's one DNS server. Derived from the zone's name alone, so the events need not carry them. The SOA's serial
 * stays 1 (Route 53 does not count changes either); its last field, the negative-caching TTL, is 60 s so that a name
 * asked for before it was created resolves a minute later, not a day.
 */
public final class ApexRecordSets {
    public static final String NAME_SERVER = "ns.privet.internal.";
    static final long SOA_TTL = 900;
    static final long NS_TTL = 172800;
    private static final String SOA = NAME_SERVER + " hostmaster.privet.internal. 1 7200 900 1209600 60";

    private ApexRecordSets() {
    }

    /** The zone's NS set, then its SOA set. */
    public static List<RecordSet> of(String zoneName) {
        return List.of(new RecordSet(zoneName, RecordType.NS.name(), NS_TTL, List.of(NAME_SERVER)),
                new RecordSet(zoneName, RecordType.SOA.name(), SOA_TTL, List.of(SOA)));
    }

    /** How many sets {@link #of} gives: a zone's record set count includes them. */
    public static int count() {
        return 2;
    }
}

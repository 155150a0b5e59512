package dev.privet.dns.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.DnsEvent;
import dev.privet.contracts.events.DnsEvent.HostedZoneCreated;
import dev.privet.contracts.events.DnsEvent.HostedZoneDeleted;
import dev.privet.contracts.events.DnsEvent.RecordSetsChanged;
import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.dns.domain.HostedZone.Deleted;
import dev.privet.dns.domain.HostedZone.Key;
import dev.privet.dns.domain.HostedZone.NoZone;
import dev.privet.dns.domain.HostedZone.Zone;
import dev.privet.dns.domain.HostedZoneCommand.ChangeRecordSets;
import dev.privet.dns.domain.HostedZoneCommand.CreateHostedZone;
import dev.privet.dns.domain.HostedZoneCommand.DeleteHostedZone;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.privet.dns.domain.ChangeBatch.refused;

/**
 * The rules of a hosted zone, Route 53's: a change batch applies in order and all or nothing, so each change is
 * checked against the zone as the changes before it left it; a CREATE needs its set absent, a DELETE needs it
 * present exactly as given (TTL and values), a name must be in the zone, and a CNAME stands alone at its name and
 * never at the apex (a resolver that finds a CNAME looks no further there). A zone is deleted only when it holds
 * nothing but its SOA and NS. To an account other than its owner's the zone does not exist.
 */
public final class HostedZoneDecider implements Decider<HostedZoneCommand, HostedZone, DnsEvent> {
    public static final HostedZoneDecider DECIDER = new HostedZoneDecider();
    private static final String CNAME = RecordType.CNAME.name();

    private HostedZoneDecider() {
    }

    @Override
    public HostedZone initialState() {
        return new NoZone();
    }

    @Override
    public List<DnsEvent> decide(HostedZoneCommand command, HostedZone state) {
        return switch (command) {
            case CreateHostedZone create -> {
                if (!(state instanceof NoZone)) {
                    throw Rejection.conflict(ErrorCode.HOSTED_ZONE_ALREADY_EXISTS, "hostedZoneId",
                            "the id " + create.hostedZoneId() + " is taken");
                }
                yield List.of(new HostedZoneCreated(create.hostedZoneId(), create.name(), create.account(),
                        create.callerReference(), create.comment()));
            }
            case ChangeRecordSets change -> {
                Zone zone = owned(state, change.account());
                check(zone, change.changes());
                yield List.of(new RecordSetsChanged(zone.hostedZoneId(), change.changeId(), change.changes()));
            }
            case DeleteHostedZone delete -> {
                Zone zone = owned(state, delete.account());
                if (!zone.recordSets().isEmpty()) {
                    throw Rejection.conflict(ErrorCode.HOSTED_ZONE_NOT_EMPTY, "hostedZoneId", "the zone "
                            + zone.name() + " still has " + zone.recordSets().size()
                            + " record sets besides its SOA and NS: delete them first");
                }
                yield List.of(new HostedZoneDeleted(zone.hostedZoneId(), zone.name()));
            }
        };
    }

    @Override
    public HostedZone evolve(HostedZone state, DnsEvent event, Instant recordedAt) {
        return switch (event) {
            case HostedZoneCreated created -> new Zone(created.hostedZoneId(), created.name(), created.account(),
                    created.callerReference(), created.comment(), Map.of());
            case RecordSetsChanged changed when state instanceof Zone zone -> new Zone(zone.hostedZoneId(),
                    zone.name(), zone.account(), zone.callerReference(), zone.comment(),
                    applied(zone.recordSets(), changed.changes()));
            case HostedZoneDeleted deleted -> new Deleted(deleted.hostedZoneId());
            default -> throw new IllegalStateException("not an event of a hosted zone in state " + state + ": "
                    + event.eventType());
        };
    }

    @Override
    public boolean isTerminal(HostedZone state) {
        return state instanceof Deleted;
    }

    /** The record sets after the changes, in order: a CREATE or UPSERT puts its set, a DELETE takes it away. */
    public static Map<Key, RecordSet> applied(Map<Key, RecordSet> sets, List<RecordSetChange> changes) {
        Map<Key, RecordSet> after = new HashMap<>(sets);
        for (RecordSetChange change : changes) {
            if (change.action().equals("DELETE")) {
                after.remove(Key.of(change.recordSet()));
            } else {
                after.put(Key.of(change.recordSet()), change.recordSet());
            }
        }
        return after;
    }

    private static Zone owned(HostedZone state, String account) {
        if (state instanceof Zone zone && zone.ownedBy(account)) {
            return zone;
        }
        throw Rejection.notFound(ErrorCode.NO_SUCH_HOSTED_ZONE, "hostedZoneId", "no hosted zone with this id");
    }

    /** Each change against the zone as the ones before it leave it; throws naming the first at fault. */
    private static void check(Zone zone, List<RecordSetChange> changes) {
        Map<Key, RecordSet> sets = new HashMap<>(zone.recordSets());
        for (int i = 0; i < changes.size(); i++) {
            String field = "changes[" + i + "]";
            RecordSet set = changes.get(i).recordSet();
            Key key = Key.of(set);
            if (!DnsName.isAtOrUnder(set.name(), zone.name())) {
                throw refused(field + ".resourceRecordSet.name", set.name() + " is not in the zone " + zone.name());
            }
            RecordSet existing = sets.get(key);
            switch (changes.get(i).action()) {
                case "DELETE" -> {
                    if (existing == null || !sameSet(existing, set)) {
                        throw refused(field, "there is no " + set.type() + " record set " + set.name()
                                + " with this TTL and these values to delete"
                                + (existing == null ? "" : " (its TTL is " + existing.ttl() + ", values "
                                + existing.values() + ")"));
                    }
                    sets.remove(key);
                }
                case "CREATE" -> {
                    if (existing != null) {
                        throw refused(field, "the " + set.type() + " record set " + set.name()
                                + " exists already: UPSERT replaces it");
                    }
                    checkAlone(zone, sets, set, field);
                    sets.put(key, set);
                }
                default -> { // UPSERT
                    checkAlone(zone, sets, set, field);
                    sets.put(key, set);
                }
            }
        }
    }

    /** A CNAME stands alone at its name, and never at the apex, where the SOA and NS are. */
    private static void checkAlone(Zone zone, Map<Key, RecordSet> sets, RecordSet set, String field) {
        boolean cname = set.type().equals(CNAME);
        if (cname && set.name().equals(zone.name())) {
            throw refused(field, "a CNAME cannot be at the zone's apex " + zone.name() + ", beside its SOA and NS");
        }
        for (Key other : sets.keySet()) {
            if (other.name().equals(set.name()) && !other.type().equals(set.type())
                    && (cname || other.type().equals(CNAME))) {
                throw refused(field, "a CNAME cannot be beside other record sets: " + set.name() + " has "
                        + other.type() + " and " + set.type());
            }
        }
    }

    /** The same TTL and values, in any order. */
    private static boolean sameSet(RecordSet a, RecordSet b) {
        return a.ttl() == b.ttl() && new HashSet<>(a.values()).equals(new HashSet<>(b.values()));
    }
}

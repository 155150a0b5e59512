package dev.privet.dns.zone;

import dev.privet.contracts.events.Values.RecordSet;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.dns.domain.ApexRecordSets;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One hosted zone as the DNS server answers it: its records, parsed once when they are changed (a query only looks
 * them up), by name and type, its SOA and NS included. Immutable: a change batch makes a new one, so a query reads
 * one batch's result or the next, never half of one.
 *
 * <p>Names are lower case, without the final dot, as the DNS server looks them up. {@link #exists} also knows the
 * names that hold no record but have records under them (empty non-terminals), which answer NODATA, not NXDOMAIN.
 */
public final class ServedZone {
    private final String name;
    private final Map<String, Map<Integer, List<Record>>> byName;
    private final Set<String> existing;
    private final SOARecord soa;

    private ServedZone(String name, Map<String, Map<Integer, List<Record>>> byName) {
        this.name = name;
        this.byName = byName;
        this.existing = withAncestors(name, byName.keySet());
        this.soa = (SOARecord) byName.get(name).get(Type.SOA).getFirst();
    }

    /** A new zone ({@code name} lower case with the final dot): its SOA and NS. */
    static ServedZone created(String name) {
        Map<String, Map<Integer, List<Record>>> apex = new HashMap<>();
        ApexRecordSets.of(name).forEach(set -> replace(apex, set.name(), set.type(), set));
        return new ServedZone(unrooted(name), Map.copyOf(apex));
    }

    /** This zone after a change batch, applied in order, so a later change of a set wins. */
    ServedZone changed(List<RecordSetChange> changes) {
        Map<String, Map<Integer, List<Record>>> after = new HashMap<>(byName);
        for (RecordSetChange change : changes) {
            RecordSet set = change.recordSet();
            replace(after, set.name(), set.type(), change.action().equals("DELETE") ? null : set);
        }
        return new ServedZone(name, Map.copyOf(after));
    }

    /** The zone's name, lower case, without the final dot. */
    public String name() {
        return name;
    }

    public SOARecord soa() {
        return soa;
    }

    /** Whether the name holds records or has records under it. */
    public boolean exists(String lowerName) {
        return existing.contains(lowerName);
    }

    /** The records of a name and type, owned by the name as the zone holds it; none when there are none. */
    public List<Record> records(String lowerName, int type) {
        return byName.getOrDefault(lowerName, Map.of()).getOrDefault(type, List.of());
    }

    /** Every record of a name, by type. */
    public List<Record> allRecords(String lowerName) {
        return byName.getOrDefault(lowerName, Map.of()).values().stream().flatMap(List::stream).toList();
    }

    /** Replaces the set of that name and type in {@code sets} by {@code set}, or takes it away when it is null. */
    private static void replace(Map<String, Map<Integer, List<Record>>> sets, String name, String type,
                                RecordSet set) {
        String owner = unrooted(name);
        Map<Integer, List<Record>> types = new HashMap<>(sets.getOrDefault(owner, Map.of()));
        if (set == null) {
            types.remove(Type.value(type));
        } else {
            types.put(Type.value(type), records(set));
        }
        if (types.isEmpty()) {
            sets.remove(owner);
        } else {
            sets.put(owner, Map.copyOf(types));
        }
    }

    /** A record set's values as records: each value is master-file text of its type, which dnsjava reads. */
    private static List<Record> records(RecordSet set) {
        try {
            Name owner = Name.fromString(set.name());
            List<Record> records = new ArrayList<>();
            for (String value : set.values()) {
                records.add(Record.fromString(owner, Type.value(set.type()), DClass.IN, set.ttl(), value, Name.root));
            }
            return List.copyOf(records);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a record set of its type: " + set, e);
        }
    }

    /** The names given and every name between each of them and the zone's apex. */
    private static Set<String> withAncestors(String zone, Set<String> names) {
        Set<String> all = new HashSet<>();
        for (String owner : names) {
            String n = owner;
            while (all.add(n) && n.length() > zone.length()) {
                n = n.substring(n.indexOf('.') + 1);
            }
        }
        return Set.copyOf(all);
    }

    private static String unrooted(String name) {
        return name.substring(0, name.length() - 1);
    }
}

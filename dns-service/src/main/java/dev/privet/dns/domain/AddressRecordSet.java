package dev.privet.dns.domain;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.Values.DnsEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The A records of one published name: the regional name answers with every interface's address, a zonal name with
 * the addresses of the interfaces in its zone. Derived from the event and the {@link AnsweredAddress} setting alone,
 * so the read model can be rebuilt from the log.
 */
public record AddressRecordSet(String name, List<String> addresses) {

    public AddressRecordSet {
        name = name.toLowerCase(Locale.ROOT);
        addresses = List.copyOf(addresses);
    }

    /** The record sets of a publication: the first entry is the regional name, the others zonal ones. */
    public static List<AddressRecordSet> of(EndpointDnsPublished published, AnsweredAddress answered) {
        List<DnsEntry> entries = published.dnsEntries();
        List<AddressRecordSet> sets = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).dnsName();
            boolean regional = i == 0;
            List<String> addresses = published.networkInterfaces().stream()
                    .filter(eni -> regional || isZonalNameOf(name, eni.availabilityZone()))
                    .map(answered::of)
                    .toList();
            sets.add(new AddressRecordSet(name, addresses));
        }
        return sets;
    }

    /** A zonal name's first label ends with {@code -<zone>} (see EndpointDnsNames#zonal). */
    private static boolean isZonalNameOf(String name, String zone) {
        int firstDot = name.indexOf('.');
        return firstDot > 0 && name.substring(0, firstDot).endsWith("-" + zone);
    }
}

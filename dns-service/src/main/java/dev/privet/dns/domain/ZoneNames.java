package dev.privet.dns.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;

import java.util.Collection;

/**
 * Which names a new hosted zone may have. Privet runs one DNS server for every account, so every name it answers
 * for belongs to one zone at most: a zone whose name is at, under or above a served zone's is refused (Route 53,
 * with a name server set per zone, allows such zones and lets delegation decide; on one server, the second would
 * take over names of the first). {@code amazonaws.com}, where the endpoint names are, is reserved, and so are the
 * names above it.
 */
public final class ZoneNames {
    static final String RESERVED = "amazonaws.com.";

    private ZoneNames() {
    }

    /** Refuses {@code name} (normalized) when it is reserved or overlaps one of {@code served}, naming {@code name}. */
    public static void requireAvailable(String name, Collection<String> served) {
        if (DnsName.overlap(name, RESERVED)) {
            throw Rejection.invalid(ErrorCode.INVALID_DOMAIN_NAME, "name", name + " is reserved: "
                    + RESERVED + " and the names at, under and above it are AWS's");
        }
        for (String zone : served) {
            if (DnsName.overlap(name, zone)) {
                throw Rejection.conflict(ErrorCode.CONFLICTING_DOMAIN_EXISTS, "name", zone.equals(name)
                        ? "a hosted zone named " + name + " exists already (Privet's one DNS server serves one zone "
                        + "per name)" : name + " overlaps the hosted zone " + zone + ", and Privet's one DNS server "
                        + "answers each name from one zone");
            }
        }
    }
}

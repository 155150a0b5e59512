package dev.privet.dns.domain;

import dev.privet.contracts.events.Values.DnsEntry;

import java.util.List;

/**
 * Where one interface endpoint's names are, folded from its {@code endpoint-dns} stream: not named yet, resolving,
 * or withdrawn for good.
 */
public sealed interface EndpointDns {

    /** The initial state: the endpoint has no DNS stream yet (nothing was published or removed). */
    record Initial() implements EndpointDns {
    }

    /** The names resolve to the endpoint's interfaces. */
    record Published(String serviceId, List<DnsEntry> dnsEntries) implements EndpointDns {
        public Published {
            dnsEntries = List.copyOf(dnsEntries);
        }
    }

    /** The names no longer resolve, and never will again: the endpoint is being deleted. Terminal. */
    record Removed(String serviceId) implements EndpointDns {
    }
}

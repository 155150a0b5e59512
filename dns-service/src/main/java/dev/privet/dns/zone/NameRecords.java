package dev.privet.dns.zone;

import java.net.Inet4Address;
import java.util.List;

/**
 * The addresses one name answers with, in address order (as text), each with the endpoint that holds it, and how many
 * of them are IPv4 (the A records an answer holds, counted once here rather than at every query).
 */
public record NameRecords(List<HeldAddress> addresses, int ipv4Count) {

    public NameRecords(List<HeldAddress> addresses) {
        this(List.copyOf(addresses), (int) addresses.stream().filter(a -> a.address() instanceof Inet4Address).count());
    }

    /** These records less the endpoint's addresses; null when none is left, so the name goes. */
    NameRecords without(String vpcEndpointId) {
        List<HeldAddress> left = addresses.stream().filter(a -> !a.vpcEndpointId().equals(vpcEndpointId)).toList();
        return left.isEmpty() ? null : new NameRecords(left);
    }

    /** The addresses as text, in order. */
    public List<String> texts() {
        return addresses.stream().map(HeldAddress::text).toList();
    }

    /** The addresses the endpoint holds, as text, in order. */
    public List<String> textsOf(String vpcEndpointId) {
        return addresses.stream().filter(a -> a.vpcEndpointId().equals(vpcEndpointId)).map(HeldAddress::text).toList();
    }
}

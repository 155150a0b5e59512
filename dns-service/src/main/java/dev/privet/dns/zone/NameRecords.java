package dev.privet.dns.zone;

import java.util.List;

/** The addresses one name answers with, in address order (as text), each with the endpoint that holds it. */
public record NameRecords(List<HeldAddress> addresses) {

    public NameRecords {
        addresses = List.copyOf(addresses);
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

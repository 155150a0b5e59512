package dev.privet.contracts.events;

import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;

import java.util.List;

/** Events of dns-service: the names of endpoints. */
public sealed interface DnsEvent extends IntegrationEvent {

    String vpcEndpointId();

    default String streamId() {
        return vpcEndpointId();
    }

    default String streamType() {
        return "endpoint-dns";
    }

    /** The endpoint's names resolve; carries the interfaces too, so consumer-service needs no other topic. */
    record EndpointDnsPublished(String vpcEndpointId, String serviceId, List<DnsEntry> dnsEntries,
                                List<EndpointInterface> networkInterfaces) implements DnsEvent {
    }

    /** The endpoint's names no longer resolve (possibly never did). */
    record EndpointDnsRemoved(String vpcEndpointId, String serviceId) implements DnsEvent {
    }
}

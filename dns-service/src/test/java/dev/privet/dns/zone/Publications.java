package dev.privet.dns.zone;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** dns-service's own events, as its reactions record them, for tests of what is served from them. */
public final class Publications {
    public static final String SERVICE = "vpce-svc-0123456789abcdef0";

    private Publications() {
    }

    public static String regional(String endpoint) {
        return endpoint + "-abcd1234." + SERVICE + ".us-east-1.vpce.amazonaws.com";
    }

    public static String zonal(String endpoint, String zone) {
        return endpoint + "-abcd1234-" + zone + "." + SERVICE + ".us-east-1.vpce.amazonaws.com";
    }

    /** One interface in us-east-1a with the first address, one in us-east-1b with the second, if any. */
    public static EndpointDnsPublished published(String endpoint, String... addresses) {
        List<EndpointInterface> interfaces = new ArrayList<>();
        List<DnsEntry> entries = new ArrayList<>(List.of(new DnsEntry(regional(endpoint).toUpperCase(), "Z7HUB22UULQXV")));
        for (int i = 0; i < addresses.length; i++) {
            String zone = i == 0 ? "us-east-1a" : "us-east-1b";
            interfaces.add(eni(zone, addresses[i]));
            entries.add(new DnsEntry(zonal(endpoint, zone), "Z7HUB22UULQXV"));
        }
        return new EndpointDnsPublished(endpoint, SERVICE, entries, interfaces);
    }

    public static EndpointInterface eni(String zone, String address) {
        return new EndpointInterface("eni-0123456789abcdef0", "subnet-0123456789abcdef0", zone, address, null);
    }

    public static EventEnvelope envelope(IntegrationEvent event) {
        return new EventEnvelope(UUID.randomUUID(), event.streamId(), event.streamType(), 1, 1, Instant.now(),
                EventMetadata.forRequest("111122223333"), event);
    }
}

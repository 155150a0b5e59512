package dev.privet.contracts.events;

/** Value types the events carry. */
public final class Values {
    private Values() {
    }

    /** A load balancer listener: the protocol ({@code TCP}) and port the service is reached on. */
    public record Listener(String protocol, int port) {
    }

    /** A load balancer target: where the provider's real backend listens. */
    public record Target(String host, int port) {
    }

    /** An endpoint network interface: its id, subnet, zone and private address. */
    public record EndpointInterface(String networkInterfaceId, String subnetId, String availabilityZone,
                                    String privateIpAddress) {
    }

    /** A DNS name of an endpoint, as AWS lists it in {@code DnsEntries}. */
    public record DnsEntry(String dnsName, String hostedZoneId) {
    }
}

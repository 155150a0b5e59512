package dev.privet.network.domain;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subnet and the addresses its interfaces hold, folded from the subnet's stream. AWS reserves the first four
 * addresses of every subnet (network, router, DNS, future use) and the last (broadcast).
 */
public record Subnet(SubnetCreated created, Cidr cidr, Map<String, String> addressesByInterface) {
    static final int RESERVED_AT_START = 4;

    public static Subnet from(List<EventEnvelope> history) {
        Subnet subnet = null;
        for (EventEnvelope e : history) {
            subnet = switch (e.event()) {
                case SubnetCreated c -> new Subnet(c, Cidr.parse(c.cidrBlock()).orElseThrow(), new TreeMap<>());
                case NetworkInterfaceCreated n -> subnet.with(n.networkInterfaceId(), n.privateIpAddress());
                case NetworkInterfaceDeleted d -> subnet.without(d.networkInterfaceId());
                default -> throw new IllegalStateException("not an event of a subnet: " + e.type());
            };
        }
        return subnet;
    }

    /** Addresses of a block that interfaces can hold: all but the five AWS reserves. */
    public static long usableAddresses(Cidr cidr) {
        return cidr.size() - RESERVED_AT_START - 1;
    }

    /** Available addresses: the block less the five reserved and those in use. */
    public long availableAddressCount() {
        return usableAddresses(cidr) - addressesByInterface.size();
    }

    /** A new interface for the endpoint, on the lowest free address. */
    public NetworkInterfaceCreated allocate(String networkInterfaceId, String vpcEndpointId) {
        var used = new java.util.HashSet<>(addressesByInterface.values());
        for (long offset = RESERVED_AT_START; offset < cidr.size() - 1; offset++) {
            String address = cidr.address(offset);
            if (!used.contains(address)) {
                return new NetworkInterfaceCreated(created.subnetId(), networkInterfaceId, address, vpcEndpointId);
            }
        }
        throw new NetworkRejected("InsufficientFreeAddressesInSubnet", "subnetIds",
                "subnet " + created.subnetId() + " has no free address left");
    }

    public NetworkInterfaceDeleted release(String networkInterfaceId, String vpcEndpointId) {
        return new NetworkInterfaceDeleted(created.subnetId(), networkInterfaceId,
                addressesByInterface.get(networkInterfaceId), vpcEndpointId);
    }

    private Subnet with(String eni, String address) {
        Map<String, String> next = new TreeMap<>(addressesByInterface);
        next.put(eni, address);
        return new Subnet(created, cidr, next);
    }

    private Subnet without(String eni) {
        Map<String, String> next = new TreeMap<>(addressesByInterface);
        next.remove(eni);
        return new Subnet(created, cidr, next);
    }
}

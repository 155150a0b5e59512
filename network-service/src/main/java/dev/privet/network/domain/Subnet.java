package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;

import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subnet and the addresses its interfaces hold, folded from the subnet's stream. AWS reserves the first four
 * addresses of every subnet (network, router, DNS, future use) and the last (broadcast).
 */
public record Subnet(SubnetCreated created, Cidr cidr, Map<String, String> addressesByInterface)
        implements SubnetState {
    static final int RESERVED_AT_START = 4;

    /** Addresses of a block that interfaces can hold: all but the five AWS reserves. */
    public static long usableAddresses(Cidr cidr) {
        return cidr.size() - RESERVED_AT_START - 1;
    }

    /** Available addresses: the block less the five reserved and those in use. */
    public long availableAddressCount() {
        return usableAddresses(cidr) - addressesByInterface.size();
    }

    /** A new interface for the endpoint, on the lowest free address, its forwarders on {@code dataPlaneAddress}. */
    public NetworkInterfaceCreated allocate(String networkInterfaceId, String vpcEndpointId, String dataPlaneAddress) {
        var used = new HashSet<>(addressesByInterface.values());
        for (long offset = RESERVED_AT_START; offset < cidr.size() - 1; offset++) {
            String address = cidr.address(offset);
            if (!used.contains(address)) {
                return new NetworkInterfaceCreated(created.subnetId(), networkInterfaceId, address, vpcEndpointId,
                        dataPlaneAddress);
            }
        }
        throw Rejection.invalid(ErrorCode.INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET, "subnetIds",
                "subnet " + created.subnetId() + " has no free address left");
    }

    public boolean holds(String networkInterfaceId) {
        return addressesByInterface.containsKey(networkInterfaceId);
    }

    public NetworkInterfaceDeleted release(String networkInterfaceId, String vpcEndpointId) {
        return new NetworkInterfaceDeleted(created.subnetId(), networkInterfaceId,
                addressesByInterface.get(networkInterfaceId), vpcEndpointId);
    }

    Subnet with(String eni, String address) {
        Map<String, String> next = new TreeMap<>(addressesByInterface);
        next.put(eni, address);
        return new Subnet(created, cidr, next);
    }

    Subnet without(String eni) {
        Map<String, String> next = new TreeMap<>(addressesByInterface);
        next.remove(eni);
        return new Subnet(created, cidr, next);
    }
}

package dev.privet.network.api;

import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Target;
import dev.privet.network.projection.LoadBalancerRow;
import dev.privet.network.projection.NetworkInterfaceRow;
import dev.privet.network.projection.SubnetRow;
import dev.privet.network.projection.VpcRow;

import java.util.List;

/** The JSON shapes of the network API: requests and the resources it answers with. */
public final class NetworkDtos {
    private NetworkDtos() {
    }

    public record CreateVpc(String cidrBlock) {
    }

    public record CreateSubnet(String vpcId, String cidrBlock, String availabilityZone) {
    }

    public record CreateLoadBalancer(String name, String type, List<String> subnetIds, List<Listener> listeners,
                                     List<Target> targets) {
    }

    public record Vpc(String vpcId, String cidrBlock, String ownerId, String region, String state) {
        static Vpc of(VpcRow row) {
            return new Vpc(row.vpcId, row.cidrBlock, row.ownerId, row.region, "available");
        }
    }

    public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone,
                         long availableIpAddressCount, String ownerId, String state) {
        static Subnet of(SubnetRow row) {
            return new Subnet(row.subnetId, row.vpcId, row.cidrBlock, row.availabilityZone, row.availableAddresses,
                    row.ownerId, "available");
        }
    }

    public record LoadBalancer(String loadBalancerArn, String loadBalancerName, String type, String vpcId,
                               List<String> subnetIds, List<Listener> listeners, List<Target> targets, String ownerId,
                               String state) {
        static LoadBalancer of(LoadBalancerRow row) {
            return new LoadBalancer(row.loadBalancerArn, row.name, row.type, row.vpcId, List.copyOf(row.subnetIds),
                    List.copyOf(row.listeners), List.copyOf(row.targets), row.ownerId, "active");
        }
    }

    public record NetworkInterface(String networkInterfaceId, String subnetId, String vpcEndpointId,
                                   String privateIpAddress) {
        static NetworkInterface of(NetworkInterfaceRow row) {
            return new NetworkInterface(row.networkInterfaceId, row.subnetId, row.vpcEndpointId, row.privateIpAddress);
        }
    }
}

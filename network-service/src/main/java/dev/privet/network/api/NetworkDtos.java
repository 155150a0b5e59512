package dev.privet.network.api;

import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Target;

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
    }

    public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone,
                         long availableIpAddressCount, String ownerId, String state) {
    }

    public record LoadBalancer(String loadBalancerArn, String loadBalancerName, String type, String vpcId,
                               List<String> subnetIds, List<Listener> listeners, List<Target> targets, String ownerId,
                               String state) {
    }

    public record NetworkInterface(String networkInterfaceId, String subnetId, String vpcEndpointId,
                                   String privateIpAddress) {
    }
}

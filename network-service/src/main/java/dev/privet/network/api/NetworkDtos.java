package dev.privet.network.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.LoadBalancerAttributes;
import dev.privet.contracts.events.Values.TargetGroupAttributes;
import dev.privet.contracts.events.Values.VpcAttributes;
import dev.privet.contracts.events.Values.Tag;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.network.projection.TargetGroupRow;
import dev.privet.network.projection.LoadBalancerRow;
import dev.privet.network.projection.NetworkInterfaceRow;
import dev.privet.network.projection.SubnetRow;
import dev.privet.network.projection.VpcRow;

import java.util.List;
import java.util.Optional;

/** The JSON shapes of the network API: requests and the resources it answers with. */
public final class NetworkDtos {
    private NetworkDtos() {
    }

    /**
     * The creates' fields added after their first release are left out of an Idempotency-Key's fingerprint when
     * absent, so a retry across an upgrade still matches its first request.
     */
    public record CreateVpc(String cidrBlock, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
    }

    public record CreateSubnet(String vpcId, String cidrBlock, String availabilityZone,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
    }

    /** A load balancer: AWS's default scheme is {@code internet-facing}. */
    public record CreateLoadBalancer(String name, String type,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) String scheme,
                                     List<String> subnetIds, List<Listener> listeners, List<Target> targets,
                                     @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
        /**
         * The request as an Idempotency-Key compares it: one that spells out the default scheme is the same request
         * as one that left it out (and as one made before schemes were kept).
         */
        CreateLoadBalancer normalized() {
            return new CreateLoadBalancer(name, type, LoadBalancerCreated.INTERNET_FACING.equals(scheme) ? null : scheme,
                    subnetIds, listeners, targets, tags);
        }
    }

    /** A target group: AWS's defaults are target type {@code instance} and a TCP health check. */
    public record CreateTargetGroup(String name, String protocol, Integer port, String vpcId, String targetType,
                                    HealthCheckRequest healthCheck,
                                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {
    }

    /** The health check a request asks for; each field left out takes the network load balancer default. */
    public record HealthCheckRequest(String protocol, String port, Integer intervalSeconds, Integer timeoutSeconds,
                                     Integer healthyThreshold, Integer unhealthyThreshold, String path) {
    }

    /** A target to register or deregister; its port defaults to the target group's. */
    public record TargetRequest(String id, Integer port) {
    }

    /** An attribute of a target group, load balancer or listener, with Elastic Load Balancing's key and its value as text. */
    public record Attribute(String key, String value) {
        static List<Attribute> of(TargetGroupAttributes attributes) {
            return List.of(new Attribute(TargetGroupAttributes.DEREGISTRATION_DELAY,
                            Integer.toString(attributes.deregistrationDelaySeconds())),
                    new Attribute(TargetGroupAttributes.PROXY_PROTOCOL_V2, Boolean.toString(attributes.proxyProtocolV2())));
        }

        /** All of a load balancer's attributes, as AWS lists a network load balancer's: access logs always off. */
        static List<Attribute> of(LoadBalancerAttributes attributes) {
            return List.of(new Attribute(LoadBalancerAttributes.ACCESS_LOGS, "false"),
                    new Attribute(LoadBalancerAttributes.ACCESS_LOGS_BUCKET, ""),
                    new Attribute(LoadBalancerAttributes.ACCESS_LOGS_PREFIX, ""),
                    new Attribute(LoadBalancerAttributes.DELETION_PROTECTION,
                            Boolean.toString(attributes.deletionProtection())),
                    new Attribute(LoadBalancerAttributes.CROSS_ZONE, Boolean.toString(attributes.crossZone())),
                    new Attribute(LoadBalancerAttributes.CLIENT_ROUTING_POLICY, attributes.clientRoutingPolicy()),
                    new Attribute(LoadBalancerAttributes.ZONAL_SHIFT, Boolean.toString(attributes.zonalShift())));
        }
    }

    public record ModifyAttributes(List<Attribute> attributes) {
    }

    public record ChangeTargets(List<TargetRequest> registerTargets, List<TargetRequest> deregisterTargets) {
    }

    public record CreateListener(String protocol, Integer port, String targetGroupArn, List<Tag> tags) {
    }

    public record TargetGroup(String targetGroupArn, String targetGroupName, String protocol, int port, String vpcId,
                              String targetType, HealthCheck healthCheck, List<String> loadBalancerArns,
                              String ownerId) {
        static TargetGroup of(TargetGroupRow row, List<String> loadBalancerArns) {
            return new TargetGroup(row.targetGroupArn, row.name, row.protocol, row.port, row.vpcId, row.targetType,
                    row.healthCheck, loadBalancerArns, row.ownerId);
        }
    }

    /**
     * A registered target and its health as AWS spells it: {@code unused} while no listener forwards to its group;
     * then what its health checks have shown ({@code initial}, {@code healthy}, {@code unhealthy} with the reason).
     * An instance target has no address Privet can reach, so it is never checked: {@code unavailable}.
     */
    public record TargetHealth(String id, int port, String state, String reason, String description) {
        static TargetHealth of(RegisteredTarget target, boolean inUse, boolean byAddress,
                               Optional<dev.privet.network.domain.TargetHealth> checked) {
            if (!inUse) {
                return new TargetHealth(target.id(), target.port(), "unused", "Target.NotInUse",
                        "Target group is not configured to receive traffic from the load balancer");
            }
            if (!byAddress) {
                return new TargetHealth(target.id(), target.port(), "unavailable", "Target.HealthCheckDisabled",
                        "An instance target has no address that Privet can check or forward to");
            }
            var health = checked.orElse(dev.privet.network.domain.TargetHealth.initial());
            return new TargetHealth(target.id(), target.port(), health.state().wire(), health.reason(),
                    health.description());
        }
    }

    public record ListenerView(String listenerArn, String loadBalancerArn, String protocol, int port,
                               String targetGroupArn) {
        static ListenerView of(String loadBalancerArn, Listener listener) {
            return new ListenerView(LoadBalancerArn.listenerArn(loadBalancerArn, listener.port()), loadBalancerArn,
                    listener.protocol(), listener.port(), listener.targetGroupArn());
        }
    }

    public record Vpc(String vpcId, String cidrBlock, String ownerId, String region, String state,
                      VpcAttributes attributes, List<Tag> tags) {
        static Vpc of(VpcRow row, List<Tag> tags) {
            return new Vpc(row.vpcId, row.cidrBlock, row.ownerId, row.region, "available", row.attributes, tags);
        }

        static Vpc of(VpcCreated vpc, VpcAttributes attributes, List<Tag> tags) {
            return new Vpc(vpc.vpcId(), vpc.cidrBlock(), vpc.ownerId(), vpc.region(), "available", attributes, tags);
        }
    }

    public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone,
                         long availableIpAddressCount, String ownerId, String state, List<Tag> tags) {
        static Subnet of(SubnetRow row, List<Tag> tags) {
            return new Subnet(row.subnetId, row.vpcId, row.cidrBlock, row.availabilityZone, row.availableAddresses,
                    row.ownerId, "available", tags);
        }
    }

    public record LoadBalancer(String loadBalancerArn, String loadBalancerName, String type, String scheme,
                               String vpcId, List<String> subnetIds, List<Listener> listeners, List<Target> targets,
                               String ownerId, String state) {
        static LoadBalancer of(LoadBalancerRow row) {
            return new LoadBalancer(row.loadBalancerArn, row.name, row.type, row.scheme, row.vpcId,
                    List.copyOf(row.subnetIds), List.copyOf(row.listeners), List.copyOf(row.targets), row.ownerId,
                    "active");
        }

        static LoadBalancer of(LoadBalancerCreated created) {
            return new LoadBalancer(created.loadBalancerArn(), created.name(), created.type(), created.scheme(),
                    created.vpcId(), created.subnetIds(), created.listeners(), created.targets(), created.ownerId(),
                    "active");
        }
    }

    /**
     * An interface, with its endpoint's security groups (none for an endpoint provisioned before they were recorded);
     * {@code dataPlaneAddress} is Privet's own: where a client really connects (AWS has none).
     */
    public record NetworkInterface(String networkInterfaceId, String subnetId, String vpcEndpointId,
                                   String privateIpAddress, String dataPlaneAddress, List<String> securityGroupIds,
                                   List<Tag> tags) {
        static NetworkInterface of(NetworkInterfaceRow row, List<String> securityGroupIds, List<Tag> tags) {
            return new NetworkInterface(row.networkInterfaceId, row.subnetId, row.vpcEndpointId, row.privateIpAddress,
                    row.dataPlaneAddress, securityGroupIds, tags);
        }
    }
}

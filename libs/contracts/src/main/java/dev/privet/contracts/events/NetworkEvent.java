package dev.privet.contracts.events;

import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Route;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.events.Values.Target;

import java.util.List;

/**
 * Events of network-service: VPCs, subnets, security groups, load balancers and the network interfaces of endpoints.
 */
public sealed interface NetworkEvent extends IntegrationEvent {

    record VpcCreated(String vpcId, String ownerId, String cidrBlock, String region) implements NetworkEvent {
        public String streamId() { return vpcId; }
        public String streamType() { return "vpc"; }
    }

    record SubnetCreated(String subnetId, String vpcId, String ownerId, String cidrBlock, String availabilityZone)
            implements NetworkEvent {
        public String streamId() { return subnetId; }
        public String streamType() { return "subnet"; }
    }

    /**
     * An address of the subnet was given to an endpoint's interface (appended to the subnet's stream), with the data
     * plane address its forwarders listen on (none in events recorded before the data plane existed).
     */
    record NetworkInterfaceCreated(String subnetId, String networkInterfaceId, String privateIpAddress,
                                   String vpcEndpointId, String dataPlaneAddress) implements NetworkEvent {
        public String streamId() { return subnetId; }
        public String streamType() { return "subnet"; }
    }

    /** An interface was deleted and its address returned to the subnet. */
    record NetworkInterfaceDeleted(String subnetId, String networkInterfaceId, String privateIpAddress,
                                   String vpcEndpointId) implements NetworkEvent {
        public String streamId() { return subnetId; }
        public String streamType() { return "subnet"; }
    }

    /**
     * A load balancer; {@code scheme} is {@code internal} or {@code internet-facing} (events recorded before it
     * was kept have none, and read as {@code internal}, as they were shown).
     */
    record LoadBalancerCreated(String loadBalancerArn, String name, String ownerId, String type, String vpcId,
                               List<String> subnetIds, List<Listener> listeners, List<Target> targets,
                               String scheme) implements NetworkEvent {
        public static final String INTERNAL = "internal";
        public static final String INTERNET_FACING = "internet-facing";

        @Override
        public String scheme() {
            return scheme == null ? INTERNAL : scheme;
        }

        public String streamId() { return loadBalancerArn; }
        public String streamType() { return "load-balancer"; }
    }

    /** A VPC's attributes changed; {@code attributes} are all of them, as they are now. */
    record VpcAttributesModified(String vpcId, String ownerId, Values.VpcAttributes attributes)
            implements NetworkEvent {
        public String streamId() { return vpcId; }
        public String streamType() { return "vpc"; }
    }

    /** A VPC was deleted; it had no subnets left. */
    record VpcDeleted(String vpcId, String ownerId) implements NetworkEvent {
        public String streamId() { return vpcId; }
        public String streamType() { return "vpc"; }
    }

    /** A subnet was deleted; no interface and no load balancer was in it. Its block is free again in its VPC. */
    record SubnetDeleted(String subnetId, String vpcId, String ownerId) implements NetworkEvent {
        public String streamId() { return subnetId; }
        public String streamType() { return "subnet"; }
    }

    /** A listener was added to a load balancer; its ARN is derived from the load balancer's and its port. */
    record ListenerCreated(String loadBalancerArn, Listener listener) implements NetworkEvent {
        public String streamId() { return loadBalancerArn; }
        public String streamType() { return "load-balancer"; }
    }

    /** A listener was removed from its load balancer; its port is free again. */
    record ListenerDeleted(String loadBalancerArn, int port) implements NetworkEvent {
        public String streamId() { return loadBalancerArn; }
        public String streamType() { return "load-balancer"; }
    }

    /** A load balancer's attributes changed; the event holds all of them as they now are. */
    record LoadBalancerAttributesModified(String loadBalancerArn, Values.LoadBalancerAttributes attributes)
            implements NetworkEvent {
        public String streamId() { return loadBalancerArn; }
        public String streamType() { return "load-balancer"; }
    }

    /** A load balancer was deleted with its listeners; no endpoint service used it. Its name is free again. */
    record LoadBalancerDeleted(String loadBalancerArn, String name, String ownerId) implements NetworkEvent {
        public String streamId() { return loadBalancerArn; }
        public String streamType() { return "load-balancer"; }
    }

    /** A target group was deleted; no listener forwarded to it. Its name is free again. */
    record TargetGroupDeleted(String targetGroupArn, String name, String ownerId) implements NetworkEvent {
        public String streamId() { return targetGroupArn; }
        public String streamType() { return "target-group"; }
    }

    /** A target group: where a listener's traffic goes, to the targets registered in it. */
    record TargetGroupCreated(String targetGroupArn, String name, String ownerId, String protocol, int port,
                              String vpcId, String targetType, HealthCheck healthCheck) implements NetworkEvent {
        public String streamId() { return targetGroupArn; }
        public String streamType() { return "target-group"; }
    }

    /** A target group's attributes changed; the event holds all of them as they now are. */
    record TargetGroupAttributesModified(String targetGroupArn, Values.TargetGroupAttributes attributes)
            implements NetworkEvent {
        public String streamId() { return targetGroupArn; }
        public String streamType() { return "target-group"; }
    }

    /** Targets joined a target group (each one not registered before, by id and port). */
    record TargetsRegistered(String targetGroupArn, List<RegisteredTarget> targets) implements NetworkEvent {
        public String streamId() { return targetGroupArn; }
        public String streamType() { return "target-group"; }
    }

    /** Targets left a target group (each one registered before). */
    record TargetsDeregistered(String targetGroupArn, List<RegisteredTarget> targets) implements NetworkEvent {
        public String streamId() { return targetGroupArn; }
        public String streamType() { return "target-group"; }
    }

    /** network-service confirmed that an endpoint service's load balancers exist and are network load balancers. */
    record ServiceLoadBalancersVerified(String serviceId, List<String> loadBalancerArns) implements NetworkEvent {
        public String streamId() { return serviceId; }
        public String streamType() { return "service-binding"; }
    }

    record ServiceLoadBalancersRejected(String serviceId, String reason) implements NetworkEvent {
        public String streamId() { return serviceId; }
        public String streamType() { return "service-binding"; }
    }

    /**
     * The endpoint service was deleted: its load balancers (none when they were never verified for it) are no longer
     * in use by it, and can be deleted. Final for the service's binding.
     */
    record ServiceLoadBalancersReleased(String serviceId, List<String> loadBalancerArns) implements NetworkEvent {
        public String streamId() { return serviceId; }
        public String streamType() { return "service-binding"; }
    }

    /**
     * The endpoint's security groups are {@code securityGroupIds} from now on, as consumer-service recorded them: the
     * ports their ingress rules allow are the ones its forwarders listen on.
     */
    record EndpointSecurityGroupsApplied(String vpcEndpointId, List<String> securityGroupIds) implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * The provider accepted the endpoint before its security groups reached network-service (they travel on another
     * topic): its interfaces are built in {@code subnetIds} of {@code vpcId} once they arrive, so that its forwarders
     * never listen on a port its groups do not open.
     */
    record EndpointProvisioningDeferred(String vpcEndpointId, String serviceId, String vpcId, List<String> subnetIds)
            implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /** The endpoint's interfaces exist, one per subnet; the data plane for it is ready. */
    record EndpointNetworkProvisioned(String vpcEndpointId, String serviceId, List<EndpointInterface> networkInterfaces)
            implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    record EndpointNetworkFailed(String vpcEndpointId, String serviceId, String reason) implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * The endpoint's subnets changed: {@code networkInterfaces} serve it now, one per subnet, new ones built. The
     * interfaces of removed subnets ({@code retiringInterfaceIds}) still listen until the endpoint's names no
     * longer point at them; then {@link EndpointInterfacesRetired} deletes them.
     */
    record EndpointNetworkModified(String vpcEndpointId, String serviceId, List<EndpointInterface> networkInterfaces,
                                   List<String> retiringInterfaceIds) implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * A change of the endpoint's subnets could not be made (a subnet gone or full, the data plane pool exhausted):
     * nothing was built, and the endpoint keeps its interfaces, in {@code subnetIds}.
     */
    record EndpointNetworkModificationFailed(String vpcEndpointId, String serviceId, String reason,
                                             List<String> subnetIds) implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /** Interfaces of removed subnets are deleted, their addresses released, now that no name points at them. */
    record EndpointInterfacesRetired(String vpcEndpointId, String serviceId, List<String> networkInterfaceIds)
            implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * The endpoint's interfaces are deleted and their addresses released (possibly none, if never provisioned); a
     * Gateway endpoint's routes are removed from its route tables (and it has no interfaces).
     */
    record EndpointNetworkReleased(String vpcEndpointId, String serviceId, List<String> networkInterfaceIds)
            implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * A route table the Gateway endpoint routed through was deleted, and its route with it: the endpoint's routes are
     * in its other tables only.
     */
    record EndpointRouteTableDeleted(String vpcEndpointId, String serviceId, String routeTableId)
            implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * A route table of a VPC, with its local route to {@code vpcCidrBlock}; {@code main} for the one each VPC gets
     * with its creation, which every subnet without an association of its own uses.
     */
    record RouteTableCreated(String routeTableId, String vpcId, String ownerId, String vpcCidrBlock, boolean main)
            implements NetworkEvent {
        public String streamId() { return routeTableId; }
        public String streamType() { return "route-table"; }
    }

    /** A route was added to the table; no other route of the table had its destination. */
    record RouteCreated(String routeTableId, Route route) implements NetworkEvent {
        public String streamId() { return routeTableId; }
        public String streamType() { return "route-table"; }
    }

    /** The route to {@code destination} (a CIDR block or a prefix list's id) left the table. */
    record RouteDeleted(String routeTableId, String destination) implements NetworkEvent {
        public String streamId() { return routeTableId; }
        public String streamType() { return "route-table"; }
    }

    /** A subnet uses this table now, instead of its VPC's main one; no other table was associated with it. */
    record RouteTableAssociated(String routeTableId, String associationId, String subnetId) implements NetworkEvent {
        public String streamId() { return routeTableId; }
        public String streamType() { return "route-table"; }
    }

    /** The subnet went back to its VPC's main table: by request, or because the subnet was deleted. */
    record RouteTableDisassociated(String routeTableId, String associationId, String subnetId)
            implements NetworkEvent {
        public String streamId() { return routeTableId; }
        public String streamType() { return "route-table"; }
    }

    /** The table was deleted with its routes: it had no associations; a main table goes only with its VPC. */
    record RouteTableDeleted(String routeTableId, String vpcId, String ownerId) implements NetworkEvent {
        public String streamId() { return routeTableId; }
        public String streamType() { return "route-table"; }
    }

    /**
     * A Gateway endpoint's routes exist: one in each of {@code routeTableIds}, to {@code prefixListId} (its service's
     * managed prefix list), through the endpoint.
     */
    record EndpointRoutesProvisioned(String vpcEndpointId, String serviceId, String prefixListId,
                                     List<String> routeTableIds) implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * A change of a Gateway endpoint's route tables could not be made (a table gone, or with a route to that prefix
     * list already): no route was added or removed, and the endpoint keeps {@code routeTableIds}.
     */
    record EndpointRoutesModificationFailed(String vpcEndpointId, String serviceId, String reason,
                                            List<String> routeTableIds) implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /** A Gateway endpoint's route tables changed: its routes are in {@code routeTableIds} now. */
    record EndpointRoutesModified(String vpcEndpointId, String serviceId, List<String> routeTableIds)
            implements NetworkEvent {
        public String streamId() { return vpcEndpointId; }
        public String streamType() { return "endpoint-network"; }
    }

    /**
     * A security group of a VPC; {@code isDefault} for the one each VPC gets with its creation, named
     * {@code default}, which goes only with its VPC. Its first rules follow in {@link SecurityGroupRulesAuthorized}.
     */
    record SecurityGroupCreated(String groupId, String groupName, String description, String vpcId, String ownerId,
                                boolean isDefault) implements NetworkEvent {
        public String streamId() { return groupId; }
        public String streamType() { return "security-group"; }
    }

    /** Rules joined the group, each with its own id, none allowing what a rule of the group allowed already. */
    record SecurityGroupRulesAuthorized(String groupId, List<SecurityGroupRule> rules) implements NetworkEvent {
        public String streamId() { return groupId; }
        public String streamType() { return "security-group"; }
    }

    /** Rules of the group left it, as they were. */
    record SecurityGroupRulesRevoked(String groupId, List<SecurityGroupRule> rules) implements NetworkEvent {
        public String streamId() { return groupId; }
        public String streamType() { return "security-group"; }
    }

    /** The group was deleted with its rules: no other group's rule named it. A default group goes with its VPC. */
    record SecurityGroupDeleted(String groupId, String vpcId, String ownerId) implements NetworkEvent {
        public String streamId() { return groupId; }
        public String streamType() { return "security-group"; }
    }

    /** The tags of a VPC, a subnet or a network interface changed. */
    record NetworkTagsChanged(String resourceId, String ownerId, List<Values.Tag> tags)
            implements NetworkEvent, TagsChanged {
        public String streamId() { return TagsChanged.streamOf(resourceId); }
        public String streamType() { return "tags"; }
    }
}

package dev.privet.network.projection;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointSecurityGroupsApplied;
import dev.privet.contracts.events.NetworkEvent.ListenerCreated;
import dev.privet.contracts.events.NetworkEvent.ListenerDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerAttributesModified;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerDeleted;
import dev.privet.contracts.events.NetworkEvent.TargetGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.TargetGroupAttributesModified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.events.NetworkEvent.TargetsDeregistered;
import dev.privet.contracts.events.NetworkEvent.TargetsRegistered;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetDeleted;
import dev.privet.contracts.events.NetworkEvent.VpcDeleted;
import dev.privet.contracts.events.NetworkEvent.VpcAttributesModified;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkTagsChanged;
import dev.privet.contracts.events.NetworkEvent.RouteCreated;
import dev.privet.contracts.events.NetworkEvent.RouteDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableAssociated;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.RouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableDisassociated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesAuthorized;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesRevoked;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.eventstore.InlineProjection;
import dev.privet.network.domain.Cidr;
import dev.privet.network.domain.Subnet;
import dev.privet.runtime.ReadModelTables;
import dev.privet.runtime.tags.ResourceTagRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * The read model of VPCs, subnets, load balancers (with their listeners), target groups, interfaces, route tables and
 * the tags of each, that the API's GETs answer from ({@link VpcRow}, {@link SubnetRow}, {@link LoadBalancerRow},
 * {@link TargetGroupRow}, {@link NetworkInterfaceRow}, {@link RouteTableRow}, {@link ResourceTagRow}), written through Panache in the
 * transaction that appends their events: a GET after a POST always sees it. A rebuild empties the tables (one SQL
 * delete each) and replays the event store in position order.
 */
@ApplicationScoped
public class NetworkView implements InlineProjection {
    public static final String NAME = "network-view";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope e) {
        switch (e.event()) {
            case VpcCreated v -> vpc(v).persist();
            case VpcAttributesModified v -> VpcRow.<VpcRow>findByIdOptional(v.vpcId())
                    .orElseThrow(() -> new IllegalStateException("attributes of " + v.vpcId() + " before the VPC"))
                    .attributes = v.attributes();
            case VpcDeleted v -> {
                VpcRow.deleteById(v.vpcId());
                ResourceTagRow.deleteById(v.vpcId());
            }
            case SubnetCreated s -> subnet(s).persist();
            case SubnetDeleted s -> {
                SubnetRow.deleteById(s.subnetId());
                ResourceTagRow.deleteById(s.subnetId());
            }
            case NetworkInterfaceCreated n -> {
                networkInterface(n).persist();
                subnet(n.subnetId()).availableAddresses--;
            }
            case NetworkInterfaceDeleted d -> {
                NetworkInterfaceRow.deleteById(d.networkInterfaceId());
                ResourceTagRow.deleteById(d.networkInterfaceId());
                subnet(d.subnetId()).availableAddresses++;
            }
            case LoadBalancerCreated lb -> loadBalancer(lb).persist();
            case ListenerCreated l -> loadBalancer(l.loadBalancerArn()).listeners.add(l.listener());
            case ListenerDeleted l -> {
                loadBalancer(l.loadBalancerArn()).listeners.removeIf(listener -> listener.port() == l.port());
                ResourceTagRow.deleteById(LoadBalancerArn.listenerArn(l.loadBalancerArn(), l.port()));
            }
            case LoadBalancerAttributesModified m -> loadBalancer(m.loadBalancerArn()).attributes = m.attributes();
            case LoadBalancerDeleted lb -> {
                loadBalancer(lb.loadBalancerArn()).listeners.forEach(listener -> ResourceTagRow.deleteById(
                        LoadBalancerArn.listenerArn(lb.loadBalancerArn(), listener.port())));
                LoadBalancerRow.deleteById(lb.loadBalancerArn());
                ResourceTagRow.deleteById(lb.loadBalancerArn());
            }
            case TargetGroupCreated g -> targetGroup(g).persist();
            case TargetGroupDeleted g -> {
                TargetGroupRow.deleteById(g.targetGroupArn());
                ResourceTagRow.deleteById(g.targetGroupArn());
            }
            case TargetsRegistered r -> group(r.targetGroupArn()).targets.addAll(r.targets());
            case TargetsDeregistered d -> group(d.targetGroupArn()).targets.removeAll(d.targets());
            case TargetGroupAttributesModified m -> group(m.targetGroupArn()).attributes = m.attributes();
            case RouteTableCreated t -> RouteTableRow.of(t).persist();
            case RouteCreated r -> routeTable(r.routeTableId()).routes // its owner's or a Gateway endpoint's
                    .add(r.route());
            case RouteDeleted r -> routeTable(r.routeTableId()).routes
                    .removeIf(route -> route.destination().equals(r.destination()));
            case RouteTableAssociated a -> routeTable(a.routeTableId()).associations
                    .add(new RouteTableRow.Association(a.associationId(), a.subnetId()));
            case RouteTableDisassociated d -> routeTable(d.routeTableId()).associations
                    .removeIf(association -> association.associationId().equals(d.associationId()));
            case RouteTableDeleted t -> {
                RouteTableRow.deleteById(t.routeTableId());
                ResourceTagRow.deleteById(t.routeTableId());
            }
            case NetworkTagsChanged t -> ResourceTagRow.apply(t);
            case SecurityGroupCreated g -> SecurityGroupRow.of(g).persist();
            case SecurityGroupRulesAuthorized a -> SecurityGroupRow.of(a.groupId()).rules.addAll(a.rules());
            case SecurityGroupRulesRevoked r -> SecurityGroupRow.of(r.groupId()).revoke(r.rules());
            case SecurityGroupDeleted g -> {
                SecurityGroupRow.deleteById(g.groupId());
                ResourceTagRow.deleteById(g.groupId());
            }
            case EndpointSecurityGroupsApplied a -> EndpointSecurityGroupsRow.apply(a.vpcEndpointId(),
                    a.securityGroupIds());
            case EndpointNetworkReleased r -> EndpointSecurityGroupsRow.deleteById(r.vpcEndpointId());
            default -> { } // the rest of the endpoint and service-binding streams have no rows here
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "resource_tags", "route_tables", "security_groups", "endpoint_security_groups",
                "network_interfaces",
                "load_balancers", "target_groups", "subnets", "vpcs");
    }

    /** An interface's events come after its subnet's creation, in the subnet's stream: its row exists. */
    private static SubnetRow subnet(String subnetId) {
        return SubnetRow.<SubnetRow>findByIdOptional(subnetId).orElseThrow(() ->
                new IllegalStateException("an interface event of subnet " + subnetId + " before its creation"));
    }

    /** A table's events come after its creation, in its stream: its row exists. */
    private static RouteTableRow routeTable(String routeTableId) {
        return RouteTableRow.<RouteTableRow>findByIdOptional(routeTableId).orElseThrow(() ->
                new IllegalStateException("an event of route table " + routeTableId + " before its creation"));
    }

    /** A load balancer's events come after its creation, in its stream: its row exists. */
    private static LoadBalancerRow loadBalancer(String loadBalancerArn) {
        return LoadBalancerRow.<LoadBalancerRow>findByIdOptional(loadBalancerArn).orElseThrow(() ->
                new IllegalStateException("an event of load balancer " + loadBalancerArn + " before its creation"));
    }

    private static TargetGroupRow group(String targetGroupArn) {
        return TargetGroupRow.<TargetGroupRow>findByIdOptional(targetGroupArn).orElseThrow(() ->
                new IllegalStateException("a target event of " + targetGroupArn + " before its creation"));
    }

    private static TargetGroupRow targetGroup(TargetGroupCreated created) {
        TargetGroupRow row = new TargetGroupRow();
        row.targetGroupArn = created.targetGroupArn();
        row.name = created.name();
        row.ownerId = created.ownerId();
        row.protocol = created.protocol();
        row.port = created.port();
        row.vpcId = created.vpcId();
        row.targetType = created.targetType();
        row.healthCheck = created.healthCheck();
        return row;
    }

    private static VpcRow vpc(VpcCreated created) {
        VpcRow row = new VpcRow();
        row.vpcId = created.vpcId();
        row.ownerId = created.ownerId();
        row.cidrBlock = created.cidrBlock();
        row.region = created.region();
        return row;
    }

    private static SubnetRow subnet(SubnetCreated created) {
        SubnetRow row = new SubnetRow();
        row.subnetId = created.subnetId();
        row.vpcId = created.vpcId();
        row.ownerId = created.ownerId();
        row.cidrBlock = created.cidrBlock();
        row.availabilityZone = created.availabilityZone();
        row.availableAddresses = Subnet.usableAddresses(Cidr.parse(created.cidrBlock()).orElseThrow());
        return row;
    }

    private static NetworkInterfaceRow networkInterface(NetworkInterfaceCreated created) {
        NetworkInterfaceRow row = new NetworkInterfaceRow();
        row.networkInterfaceId = created.networkInterfaceId();
        row.subnetId = created.subnetId();
        row.vpcEndpointId = created.vpcEndpointId();
        row.privateIpAddress = created.privateIpAddress();
        row.dataPlaneAddress = created.dataPlaneAddress();
        return row;
    }

    private static LoadBalancerRow loadBalancer(LoadBalancerCreated created) {
        LoadBalancerRow row = new LoadBalancerRow();
        row.loadBalancerArn = created.loadBalancerArn();
        row.name = created.name();
        row.ownerId = created.ownerId();
        row.type = created.type();
        row.scheme = created.scheme();
        row.vpcId = created.vpcId();
        row.subnetIds = new ArrayList<>(created.subnetIds());
        row.listeners = new ArrayList<>(created.listeners());
        row.targets = new ArrayList<>(created.targets());
        return row;
    }
}

package dev.privet.consumer.projection;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerDeleted;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.RouteTableDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetDeleted;
import dev.privet.contracts.events.NetworkEvent.VpcDeleted;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.Projection;
import dev.privet.runtime.ReadModelTables;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * The VPCs, subnets, route tables and security groups of network-service ({@link NetworkVpcRow},
 * {@link NetworkSubnetRow}, {@link NetworkRouteTableRow}, {@link NetworkSecurityGroupRow}), as its events tell them,
 * written through Panache: what an endpoint request may name; and its load balancers' subnets
 * ({@link NetworkLoadBalancerRow}), whose zones are those the catalog shows an endpoint service in.
 */
@ApplicationScoped
public class NetworkView implements Projection {
    public static final String NAME = "network-view";

    private final EventRuntime runtime;

    NetworkView(EventRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** This consumer's channel: each poll is applied once, in one transaction (see {@link EventRuntime#apply}). */
    @Incoming(NAME)
    @Blocking
    void receive(ConsumerRecords<String, byte[]> records) {
        runtime.apply(NAME, records);
    }

    @Override
    public void handle(Connection c, EventEnvelope envelope) {
        switch (envelope.event()) {
            case VpcCreated e -> {
                NetworkVpcRow row = NetworkVpcRow.find(e.vpcId()).orElseGet(NetworkVpcRow::new);
                row.vpcId = e.vpcId();
                row.ownerId = e.ownerId();
                row.persist();
            }
            case SubnetCreated e -> {
                NetworkSubnetRow row = NetworkSubnetRow.find(e.subnetId()).orElseGet(NetworkSubnetRow::new);
                row.subnetId = e.subnetId();
                row.vpcId = e.vpcId();
                row.ownerId = e.ownerId();
                row.availabilityZone = e.availabilityZone();
                row.cidrBlock = e.cidrBlock();
                row.persist();
            }
            case LoadBalancerCreated e -> {
                NetworkLoadBalancerRow row = NetworkLoadBalancerRow.find(e.loadBalancerArn())
                        .orElseGet(NetworkLoadBalancerRow::new);
                row.loadBalancerArn = e.loadBalancerArn();
                row.subnetIds = new ArrayList<>(e.subnetIds());
                row.persist();
            }
            case RouteTableCreated e -> {
                NetworkRouteTableRow row = NetworkRouteTableRow.<NetworkRouteTableRow>findByIdOptional(
                        e.routeTableId()).orElseGet(NetworkRouteTableRow::new);
                row.routeTableId = e.routeTableId();
                row.vpcId = e.vpcId();
                row.ownerId = e.ownerId();
                row.persist();
            }
            case SecurityGroupCreated e -> {
                NetworkSecurityGroupRow row = NetworkSecurityGroupRow.<NetworkSecurityGroupRow>findByIdOptional(
                        e.groupId()).orElseGet(NetworkSecurityGroupRow::new);
                row.groupId = e.groupId();
                row.vpcId = e.vpcId();
                row.ownerId = e.ownerId();
                row.isDefault = e.isDefault();
                row.persist();
            }
            case VpcDeleted e -> NetworkVpcRow.deleteById(e.vpcId());
            case SecurityGroupDeleted e -> NetworkSecurityGroupRow.deleteById(e.groupId());
            case RouteTableDeleted e -> NetworkRouteTableRow.deleteById(e.routeTableId());
            case SubnetDeleted e -> NetworkSubnetRow.deleteById(e.subnetId());
            case LoadBalancerDeleted e -> NetworkLoadBalancerRow.deleteById(e.loadBalancerArn());
            default -> { } // interfaces, listeners, targets and group rules are not needed to check a request
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        ReadModelTables.empty(c, "network_security_groups", "network_route_tables", "network_load_balancers",
                "network_subnets", "network_vpcs");
    }
}

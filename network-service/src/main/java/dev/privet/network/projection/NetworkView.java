package dev.privet.network.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.eventstore.InlineProjection;
import dev.privet.network.domain.Cidr;
import dev.privet.network.domain.Subnet;
import dev.privet.runtime.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The read model of VPCs, subnets, load balancers and interfaces that the API's GETs answer from, written in the
 * transaction that appends their events: a GET after a POST always sees it.
 */
@ApplicationScoped
public class NetworkView implements InlineProjection {
    public static final String NAME = "network-view";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(Connection c, EventEnvelope e) throws SQLException {
        switch (e.event()) {
            case VpcCreated v -> Sql.update(c, """
                    insert into vpcs (vpc_id, owner_id, cidr_block, region) values (?, ?, ?, ?)""",
                    v.vpcId(), v.ownerId(), v.cidrBlock(), v.region());
            case SubnetCreated s -> Sql.update(c, """
                    insert into subnets (subnet_id, vpc_id, owner_id, cidr_block, availability_zone, available_addresses)
                    values (?, ?, ?, ?, ?, ?)""",
                    s.subnetId(), s.vpcId(), s.ownerId(), s.cidrBlock(), s.availabilityZone(),
                    Subnet.usableAddresses(Cidr.parse(s.cidrBlock()).orElseThrow()));
            case NetworkInterfaceCreated n -> {
                Sql.update(c, """
                        insert into network_interfaces (network_interface_id, subnet_id, vpc_endpoint_id, private_ip_address)
                        values (?, ?, ?, ?)""",
                        n.networkInterfaceId(), n.subnetId(), n.vpcEndpointId(), n.privateIpAddress());
                Sql.update(c, "update subnets set available_addresses = available_addresses - 1 where subnet_id = ?",
                        n.subnetId());
            }
            case NetworkInterfaceDeleted d -> {
                Sql.update(c, "delete from network_interfaces where network_interface_id = ?", d.networkInterfaceId());
                Sql.update(c, "update subnets set available_addresses = available_addresses + 1 where subnet_id = ?",
                        d.subnetId());
            }
            case LoadBalancerCreated lb -> Sql.update(c, """
                    insert into load_balancers (load_balancer_arn, name, owner_id, type, vpc_id, subnet_ids, listeners,
                                                targets) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)""",
                    lb.loadBalancerArn(), lb.name(), lb.ownerId(), lb.type(), lb.vpcId(), toJson(lb.subnetIds()),
                    toJson(lb.listeners()), toJson(lb.targets()));
            default -> { } // endpoint and service-binding streams have no rows here
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        for (String table : new String[] {"network_interfaces", "load_balancers", "subnets", "vpcs"}) {
            Sql.update(c, "delete from " + table); // not truncate: readers keep the old model until the rebuild commits
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}

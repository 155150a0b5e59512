package dev.privet.network.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Topic;
import dev.privet.network.domain.Cidr;
import dev.privet.network.domain.Subnet;
import dev.privet.runtime.Projection;
import dev.privet.runtime.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The read model of VPCs, subnets, load balancers and interfaces that the API's GETs answer from. */
@ApplicationScoped
public class NetworkView implements Projection {
    public static final String NAME = "network-view";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Topic> topics() {
        return List.of(Topic.NETWORK);
    }

    @Override
    public void handle(Connection c, EventEnvelope e) throws SQLException {
        switch (e.event()) {
            case VpcCreated v -> Sql.update(c, """
                    insert into vpcs (vpc_id, owner_id, cidr_block, region, version) values (?, ?, ?, ?, ?)
                    on conflict (vpc_id) do update set version = excluded.version""",
                    v.vpcId(), v.ownerId(), v.cidrBlock(), v.region(), e.version());
            case SubnetCreated s -> Sql.update(c, """
                    insert into subnets (subnet_id, vpc_id, owner_id, cidr_block, availability_zone,
                                         available_addresses, version) values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (subnet_id) do update set version = excluded.version""",
                    s.subnetId(), s.vpcId(), s.ownerId(), s.cidrBlock(), s.availabilityZone(),
                    Subnet.usableAddresses(Cidr.parse(s.cidrBlock()).orElseThrow()), e.version());
            case NetworkInterfaceCreated n -> {
                Sql.update(c, """
                        insert into network_interfaces (network_interface_id, subnet_id, vpc_endpoint_id, private_ip_address)
                        values (?, ?, ?, ?) on conflict do nothing""",
                        n.networkInterfaceId(), n.subnetId(), n.vpcEndpointId(), n.privateIpAddress());
                Sql.update(c, "update subnets set available_addresses = available_addresses - 1, version = ? where subnet_id = ?",
                        e.version(), n.subnetId());
            }
            case NetworkInterfaceDeleted d -> {
                Sql.update(c, "delete from network_interfaces where network_interface_id = ?", d.networkInterfaceId());
                Sql.update(c, "update subnets set available_addresses = available_addresses + 1, version = ? where subnet_id = ?",
                        e.version(), d.subnetId());
            }
            case LoadBalancerCreated lb -> Sql.update(c, """
                    insert into load_balancers (load_balancer_arn, name, owner_id, type, vpc_id, subnet_ids, listeners,
                                                targets, version) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)
                    on conflict (load_balancer_arn) do update set version = excluded.version""",
                    lb.loadBalancerArn(), lb.name(), lb.ownerId(), lb.type(), lb.vpcId(), toJson(lb.subnetIds()),
                    toJson(lb.listeners()), toJson(lb.targets()), e.version());
            default -> { } // endpoint and service-binding streams have no rows here
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        Sql.update(c, "truncate vpcs, subnets, load_balancers, network_interfaces");
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}

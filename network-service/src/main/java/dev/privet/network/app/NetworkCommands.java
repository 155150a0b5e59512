package dev.privet.network.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.Region;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.Transactions;
import dev.privet.network.domain.Cidr;
import dev.privet.network.domain.NetworkRejected;
import dev.privet.network.domain.Subnet;
import dev.privet.network.domain.VpcRules;
import dev.privet.runtime.PrivetConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The network resources a caller creates through the API: VPCs, subnets, load balancers. */
@ApplicationScoped
public class NetworkCommands {
    private final Transactions transactions;
    private final EventStore store;
    private final Region region;

    NetworkCommands(Transactions transactions, EventStore store, PrivetConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.region = new Region(config.region());
    }

    public VpcCreated createVpc(AccountId caller, Cidr cidr) {
        VpcCreated created = VpcRules.createVpc(IdFormat.VPC.newId(), caller.value(), cidr, region.name());
        transactions.inTransaction(c -> store.append(c, 0, EventMetadata.forRequest(caller.value()), List.of(created)));
        return created;
    }

    public SubnetCreated createSubnet(AccountId caller, String vpcId, Cidr cidr, String availabilityZone) {
        if (!region.hasZone(availabilityZone)) {
            throw new NetworkRejected("InvalidParameterValue", "availabilityZone",
                    "availabilityZone must be a zone of " + region + ", such as " + region + "a");
        }
        return transactions.inTransaction(c -> {
            NetworkQueries.lockScope(c, vpcId);
            VpcCreated vpc = vpc(c, vpcId);
            SubnetCreated created = VpcRules.createSubnet(IdFormat.SUBNET.newId(), vpc, caller.value(), cidr,
                    availabilityZone, NetworkQueries.subnetBlocksOf(c, vpcId));
            store.append(c, 0, EventMetadata.forRequest(caller.value()), List.of(created));
            return created;
        });
    }

    public LoadBalancerCreated createLoadBalancer(AccountId caller, String name, String type, List<String> subnetIds,
                                                  List<Listener> listeners, List<Target> targets) {
        return transactions.inTransaction(c -> {
            NetworkQueries.lockScope(c, "load-balancer-names:" + caller);
            if (NetworkQueries.loadBalancerNameTaken(c, caller.value(), name)) {
                throw new NetworkRejected("DuplicateLoadBalancerName", "name",
                        "A load balancer named '" + name + "' already exists in this account");
            }
            String vpcId = commonVpc(c, caller, subnetIds);
            String arn = LoadBalancerArn.of(region, caller, "network".equals(type) ? "net" : "gwy", name);
            LoadBalancerCreated created = new LoadBalancerCreated(arn, name, caller.value(), type, vpcId,
                    List.copyOf(subnetIds), List.copyOf(listeners), List.copyOf(targets));
            store.append(c, 0, EventMetadata.forRequest(caller.value()), List.of(created));
            return created;
        });
    }

    private VpcCreated vpc(Connection c, String vpcId) throws SQLException {
        List<EventEnvelope> history = store.load(c, vpcId);
        if (history.isEmpty() || !(history.getFirst().event() instanceof VpcCreated vpc)) {
            throw new NetworkRejected("InvalidVpcID.NotFound", "vpcId", "The vpc ID '" + vpcId + "' does not exist");
        }
        return vpc;
    }

    /** The one VPC all the caller's subnets are in. */
    private String commonVpc(Connection c, AccountId caller, List<String> subnetIds) throws SQLException {
        List<String> vpcs = new ArrayList<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            Subnet subnet = Subnet.from(store.load(c, subnetIds.get(i)));
            if (subnet == null || !subnet.created().ownerId().equals(caller.value())) {
                throw new NetworkRejected("InvalidSubnetID.NotFound", "subnetIds[" + i + "]",
                        "The subnet ID '" + subnetIds.get(i) + "' does not exist");
            }
            vpcs.add(subnet.created().vpcId());
        }
        if (vpcs.stream().distinct().count() > 1) {
            throw new NetworkRejected("InvalidConfigurationRequest", "subnetIds",
                    "the subnets of a load balancer must all be in one VPC");
        }
        return vpcs.getFirst();
    }
}

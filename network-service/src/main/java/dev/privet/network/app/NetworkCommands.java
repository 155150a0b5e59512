package dev.privet.network.app;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
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
import dev.privet.eventstore.DeciderRunner;
import dev.privet.network.domain.Cidr;
import dev.privet.network.domain.LoadBalancer;
import dev.privet.network.domain.Subnet;
import dev.privet.network.domain.SubnetState;
import dev.privet.network.domain.SubnetState.Command.CreateSubnet;
import dev.privet.network.domain.Vpc;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.PrivetConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The network resources a caller creates through the API: VPCs, subnets, load balancers. */
@ApplicationScoped
public class NetworkCommands {
    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final CrossStreamChecks checks;
    private final Region region;

    NetworkCommands(CommandRunner commands, DeciderRunner deciders, CrossStreamChecks checks, PrivetConfig config) {
        this.commands = commands;
        this.deciders = deciders;
        this.checks = checks;
        this.region = new Region(config.region());
    }

    public VpcCreated createVpc(AccountId caller, Optional<IdempotencyKey> key, Cidr cidr) {
        String vpcId = IdFormat.VPC.newId();
        Vpc vpc = commands.create(key, vpcId, new Vpc.CreateVpc(vpcId, caller.value(), cidr, region.name()),
                Vpc.DECIDER, EventMetadata.forRequest(caller.value()));
        return vpc.ownedBy(caller.value(), vpcId);
    }

    public Subnet createSubnet(AccountId caller, Optional<IdempotencyKey> key, String vpcId, Cidr cidr,
                               String availabilityZone) {
        if (!region.hasZone(availabilityZone)) {
            throw Rejection.invalidValue("availabilityZone",
                    "availabilityZone must be a zone of " + region + ", such as " + region + "a");
        }
        String subnetId = IdFormat.SUBNET.newId();
        return commands.create(key, subnetId, c -> {
            List<Cidr> siblings = checks.lockedSubnetBlocksOf(c, vpcId);
            Vpc vpc = deciders.load(c, vpcId, Vpc.DECIDER).state();
            var command = new CreateSubnet(subnetId, vpc, vpcId, caller.value(), cidr, availabilityZone, siblings);
            return subnet(deciders.run(c, subnetId, command, SubnetState.DECIDER,
                    EventMetadata.forRequest(caller.value())).state());
        }, (c, id) -> subnet(deciders.load(c, id, SubnetState.DECIDER).state()));
    }

    public LoadBalancerCreated createLoadBalancer(AccountId caller, Optional<IdempotencyKey> key, String name,
                                                  String type, List<String> subnetIds, List<Listener> listeners,
                                                  List<Target> targets) {
        String arn = LoadBalancerArn.of(region, caller, "network".equals(type) ? "net" : "gwy", name);
        return commands.create(key, arn, c -> {
            if (checks.lockedLoadBalancerNameTaken(c, caller.value(), name)) {
                throw Rejection.invalid(ErrorCode.DUPLICATE_LOAD_BALANCER_NAME, "name",
                        "A load balancer named '" + name + "' already exists in this account");
            }
            var draft = new LoadBalancerCreated(arn, name, caller.value(), type, commonVpc(c, caller, subnetIds),
                    List.copyOf(subnetIds), List.copyOf(listeners), List.copyOf(targets));
            return created(deciders.run(c, arn, new LoadBalancer.CreateLoadBalancer(draft), LoadBalancer.DECIDER,
                    EventMetadata.forRequest(caller.value())).state());
        }, (c, id) -> created(deciders.load(c, id, LoadBalancer.DECIDER).state()));
    }

    private static Subnet subnet(SubnetState state) {
        return (Subnet) state; // a create that returned decided a subnet
    }

    private static LoadBalancerCreated created(LoadBalancer state) {
        return ((LoadBalancer.Created) state).loadBalancer();
    }

    /** The one VPC all the caller's subnets are in. */
    private String commonVpc(Connection c, AccountId caller, List<String> subnetIds) throws SQLException {
        List<String> vpcs = new ArrayList<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            if (!(deciders.load(c, subnetIds.get(i), SubnetState.DECIDER).state() instanceof Subnet subnet)
                    || !subnet.created().ownerId().equals(caller.value())) {
                throw Rejection.invalid(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetIds[" + i + "]",
                        "The subnet ID '" + subnetIds.get(i) + "' does not exist");
            }
            vpcs.add(subnet.created().vpcId());
        }
        if (vpcs.stream().distinct().count() > 1) {
            throw Rejection.invalid(ErrorCode.INVALID_CONFIGURATION_REQUEST, "subnetIds",
                    "the subnets of a load balancer must all be in one VPC");
        }
        return vpcs.getFirst();
    }
}

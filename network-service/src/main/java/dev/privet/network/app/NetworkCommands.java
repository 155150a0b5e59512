package dev.privet.network.app;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.RegisteredTarget;
import dev.privet.contracts.ids.TargetGroupArn;
import dev.privet.network.domain.TargetGroup;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.Tag;
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
import dev.privet.network.messaging.NetworkReactions;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.EventRuntime;
import dev.privet.runtime.IdempotencyKey;
import dev.privet.runtime.PrivetConfig;
import dev.privet.runtime.tags.TaggedResource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network resources a caller creates through the API: VPCs (each with its main route table), subnets, load
 * balancers, target groups, listeners.
 */
@ApplicationScoped
public class NetworkCommands {
    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final CrossStreamChecks checks;
    private final NetworkTags tags;
    private final VpcRouteTables routeTables;
    private final SecurityGroupCommands securityGroups;
    private final EventRuntime runtime;
    private final Region region;

    NetworkCommands(CommandRunner commands, DeciderRunner deciders, CrossStreamChecks checks, NetworkTags tags,
                    VpcRouteTables routeTables, SecurityGroupCommands securityGroups, EventRuntime runtime,
                    PrivetConfig config) {
        this.commands = commands;
        this.deciders = deciders;
        this.checks = checks;
        this.tags = tags;
        this.routeTables = routeTables;
        this.securityGroups = securityGroups;
        this.runtime = runtime;
        this.region = new Region(config.region());
    }

    /**
     * Creates a VPC with its main route table, its default security group and {@code tags}, in one transaction:
     * invalid tags refuse the VPC.
     */
    public Vpc.Created createVpc(AccountId caller, Optional<IdempotencyKey> key, Cidr cidr, List<Tag> tags) {
        String vpcId = IdFormat.VPC.newId();
        EventMetadata metadata = EventMetadata.forRequest(caller.value());
        Vpc vpc = commands.create(key, vpcId, c -> {
            Vpc created = deciders.run(c, vpcId, new Vpc.Command.CreateVpc(vpcId, caller.value(), cidr, region.name()),
                    Vpc.DECIDER, metadata).state();
            routeTables.createMain(c, created.ownedBy(caller.value(), vpcId), metadata);
            securityGroups.createDefault(c, vpcId, caller.value(), metadata); // and its default security group
            this.tags.tagNew(c, new TaggedResource(vpcId, IdFormat.VPC.resourceType(), caller.value()), tags,
                    metadata);
            return created;
        }, (c, id) -> deciders.load(c, id, Vpc.DECIDER).state()); // a retry: the VPC as it is now
        vpc.ownedBy(caller.value(), vpcId);
        return (Vpc.Created) vpc;
    }

    /** Changes the attributes of the caller's VPC that {@code change} names; the answer is the VPC as it is now. */
    public Vpc.Created modifyVpcAttributes(Vpc.Command.ModifyAttributes change) {
        return commands.execute(c -> (Vpc.Created) deciders.run(c, change.vpcId(), change, Vpc.DECIDER,
                EventMetadata.forRequest(change.caller())).state());
    }

    /** Creates a subnet with {@code tags}, in one transaction: invalid tags refuse the subnet. */
    public Subnet createSubnet(AccountId caller, Optional<IdempotencyKey> key, String vpcId, Cidr cidr,
                               String availabilityZone, List<Tag> tags) {
        if (!region.hasZone(availabilityZone)) {
            throw Rejection.invalidValue("availabilityZone",
                    "availabilityZone must be a zone of " + region + ", such as " + region + "a");
        }
        String subnetId = IdFormat.SUBNET.newId();
        return commands.create(key, subnetId, c -> {
            List<Cidr> siblings = List.copyOf(checks.lockedSubnetsOf(c, vpcId).values());
            Vpc vpc = deciders.load(c, vpcId, Vpc.DECIDER).state();
            var command = new CreateSubnet(subnetId, vpc, vpcId, caller.value(), cidr, availabilityZone, siblings);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            Subnet created = subnet(deciders.run(c, subnetId, command, SubnetState.DECIDER, metadata).state());
            this.tags.tagNew(c, new TaggedResource(subnetId, IdFormat.SUBNET.resourceType(), caller.value()), tags,
                    metadata);
            return created;
        }, (c, id) -> subnet(deciders.load(c, id, SubnetState.DECIDER).state()));
    }

    public LoadBalancerCreated createLoadBalancer(AccountId caller, Optional<IdempotencyKey> key, String name,
                                                  String type, String scheme, List<String> subnetIds,
                                                  List<Listener> listeners, List<Target> targets, List<Tag> tags) {
        String arn = LoadBalancerArn.of(region, caller, "network".equals(type) ? "net" : "gwy", name);
        return commands.create(key, arn, c -> {
            if (checks.lockedLoadBalancerNameTaken(c, caller.value(), name)) {
                throw Rejection.invalid(ErrorCode.DUPLICATE_LOAD_BALANCER_NAME, "name",
                        "A load balancer named '" + name + "' already exists in this account");
            }
            String vpcId = commonVpc(c, caller, subnetIds);
            var live = checks.lockedSubnetsOf(c, vpcId); // a subnet deleted meanwhile is not in it
            for (int i = 0; i < subnetIds.size(); i++) {
                if (!live.containsKey(subnetIds.get(i))) {
                    throw Rejection.invalid(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetIds[" + i + "]",
                            "The subnet ID '" + subnetIds.get(i) + "' does not exist");
                }
            }
            var draft = new LoadBalancerCreated(arn, name, caller.value(), type, vpcId, List.copyOf(subnetIds),
                    List.copyOf(listeners), List.copyOf(targets), scheme);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            var lb = created(deciders.run(c, arn, new LoadBalancer.Command.CreateLoadBalancer(draft),
                    LoadBalancer.DECIDER, metadata).state());
            this.tags.tagNew(c, new TaggedResource(arn, NetworkTags.LOAD_BALANCER, caller.value()), tags, metadata);
            return lb;
        }, (c, id) -> created(deciders.load(c, id, LoadBalancer.DECIDER).state()));
    }

    /**
     * Deletes the caller's VPC with its main route table; one that still has subnets, target groups, other route
     * tables or Gateway endpoints routing through its main table is {@code DependencyViolation}.
     */
    public void deleteVpc(AccountId caller, String vpcId) {
        commands.execute(c -> {
            List<String> dependencies = new ArrayList<>(checks.lockedSubnetsOf(c, vpcId).keySet());
            dependencies.addAll(checks.targetGroupsIn(c, vpcId));
            VpcRouteTables.Tables tables = routeTables.of(c, vpcId);
            dependencies.addAll(tables.others());
            dependencies.addAll(routeTables.gatewayEndpointsOf(c, tables));
            dependencies.addAll(securityGroups.nonDefaultIn(c, vpcId));
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            Vpc deleted = deciders.run(c, vpcId, new Vpc.Command.DeleteVpc(vpcId, caller.value(), dependencies),
                    Vpc.DECIDER, metadata).state();
            routeTables.deleteMain(c, tables, metadata);
            securityGroups.deleteDefaultOf(c, vpcId, metadata); // its other groups are dependencies
            return deleted;
        });
    }

    /**
     * Deletes the caller's subnet, and its association with a route table; one with interfaces or load balancers in
     * it is {@code DependencyViolation}.
     */
    public void deleteSubnet(AccountId caller, String subnetId) {
        commands.execute(c -> {
            if (deciders.load(c, subnetId, SubnetState.DECIDER).state() instanceof Subnet subnet) {
                checks.lockedSubnetsOf(c, subnet.created().vpcId());
            }
            var command = new SubnetState.Command.DeleteSubnet(subnetId, caller.value(),
                    checks.loadBalancersIn(c, subnetId));
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            SubnetState deleted = deciders.run(c, subnetId, command, SubnetState.DECIDER, metadata).state();
            routeTables.releaseSubnet(c, subnetId, metadata);
            return deleted;
        });
    }

    /** A target group in one of the caller's VPCs; its name is unique in the account. */
    public TargetGroupCreated createTargetGroup(AccountId caller, Optional<IdempotencyKey> key, String name,
                                                String protocol, int port, String vpcId, String targetType,
                                                HealthCheck healthCheck, List<Tag> tags) {
        String arn = TargetGroupArn.of(region, caller, name);
        return commands.create(key, arn, c -> {
            if (checks.lockedTargetGroupNameTaken(c, caller.value(), name)) {
                throw Rejection.invalid(ErrorCode.DUPLICATE_TARGET_GROUP_NAME, "name",
                        "A target group with the same name '" + name + "' exists");
            }
            checks.lockedSubnetsOf(c, vpcId); // a deletion of the VPC waits, or is seen
            deciders.load(c, vpcId, Vpc.DECIDER).state().ownedBy(caller.value(), vpcId);
            var draft = new TargetGroupCreated(arn, name, caller.value(), protocol, port, vpcId, targetType,
                    healthCheck);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            var group = group(deciders.run(c, arn, new TargetGroup.Command.Create(draft), TargetGroup.DECIDER,
                    metadata).state()).group();
            this.tags.tagNew(c, new TaggedResource(arn, NetworkTags.TARGET_GROUP, caller.value()), tags, metadata);
            return group;
        }, (c, id) -> group(deciders.load(c, id, TargetGroup.DECIDER).state()).group());
    }

    /** Registers and deregisters targets of the caller's target group; what is already so changes nothing. */
    public TargetGroup.Created changeTargets(AccountId caller, String targetGroupArn, List<RegisteredTarget> register,
                                             List<RegisteredTarget> deregister) {
        return commands.execute(c -> {
            ownedGroup(c, caller, targetGroupArn, "targetGroupName");
            var meta = EventMetadata.forRequest(caller.value());
            deciders.run(c, targetGroupArn, new TargetGroup.Command.Deregister(deregister), TargetGroup.DECIDER, meta);
            return group(deciders.run(c, targetGroupArn, new TargetGroup.Command.Register(register),
                    TargetGroup.DECIDER, meta).state());
        });
    }

    /** Changes the attributes of the caller's target group that {@code change} names. */
    public TargetGroup.Created modifyTargetGroupAttributes(AccountId caller, String targetGroupArn,
                                                           TargetGroup.Command.ModifyAttributes change) {
        return commands.execute(c -> {
            ownedGroup(c, caller, targetGroupArn, "targetGroupName");
            return group(deciders.run(c, targetGroupArn, change, TargetGroup.DECIDER,
                    EventMetadata.forRequest(caller.value())).state());
        });
    }

    /** Changes the attributes of the caller's load balancer that {@code change} names. */
    public LoadBalancer.Created modifyLoadBalancerAttributes(AccountId caller, String loadBalancerArn,
                                                             LoadBalancer.Command.ModifyAttributes change) {
        return commands.execute(c -> {
            ownedLoadBalancer(c, caller, loadBalancerArn);
            return (LoadBalancer.Created) deciders.run(c, loadBalancerArn, change, LoadBalancer.DECIDER,
                    EventMetadata.forRequest(caller.value())).state();
        });
    }

    /**
     * A listener on the caller's load balancer, forwarding to the caller's target group in the same VPC, tagged with
     * {@code tags} in the same transaction (invalid tags refuse it). The same listener again is answered as it is,
     * its tags unchanged.
     */
    public Listener createListener(AccountId caller, String loadBalancerArn, String protocol, int port,
                                   String targetGroupArn, List<Tag> tags) {
        return commands.execute(c -> {
            LoadBalancer.Created lb = ownedLoadBalancer(c, caller, loadBalancerArn);
            checks.lockTargetGroupUse(c, caller.value()); // a deletion of the group waits, or is seen
            TargetGroupCreated group = ownedGroup(c, caller, targetGroupArn, "targetGroupArn").group();
            if (!group.vpcId().equals(lb.loadBalancer().vpcId())) {
                throw Rejection.invalid(ErrorCode.VALIDATION_ERROR, "targetGroupArn", "The target group is in VPC "
                        + group.vpcId() + ", the load balancer in " + lb.loadBalancer().vpcId());
            }
            Listener listener = new Listener(protocol, port, targetGroupArn);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            var added = deciders.run(c, loadBalancerArn, new LoadBalancer.Command.AddListener(listener),
                    LoadBalancer.DECIDER, metadata);
            if (!added.appended().isEmpty()) { // a new listener has its creation's tags and no others
                var resource = NetworkTags.listener(LoadBalancerArn.listenerArn(loadBalancerArn, port), caller.value());
                this.tags.untagAll(c, resource, metadata);
                this.tags.tagNew(c, resource, tags, metadata);
            }
            return listener;
        });
    }

    /**
     * Removes the listener on {@code port} of the caller's load balancer, with its tags: a listener made again on that
     * port has the same ARN, and starts untagged.
     */
    public void deleteListener(AccountId caller, String loadBalancerArn, int port) {
        commands.execute(c -> {
            ownedLoadBalancer(c, caller, loadBalancerArn);
            String listenerArn = LoadBalancerArn.listenerArn(loadBalancerArn, port);
            EventMetadata metadata = EventMetadata.forRequest(caller.value());
            tags.untagAll(c, NetworkTags.listener(listenerArn, caller.value()), metadata); // undone if not found
            return deciders.run(c, loadBalancerArn, new LoadBalancer.Command.DeleteListener(port, listenerArn),
                    LoadBalancer.DECIDER, metadata).state();
        });
    }

    /**
     * Deletes the caller's load balancer with its listeners; one an endpoint service uses is {@code ResourceInUse}.
     * A service stops using it with provider-service's deletion, so that refusal is confirmed first, as a miss is
     * (DESIGN rule 10): the reactions catch up with everything published so far (a service deleted just before
     * this request), and the deletion is decided again.
     */
    public void deleteLoadBalancer(AccountId caller, String loadBalancerArn) {
        try {
            deleteLoadBalancerNow(caller, loadBalancerArn);
        } catch (Rejection refused) {
            if (refused.code() != ErrorCode.RESOURCE_IN_USE) {
                throw refused;
            }
            runtime.catchUp(NetworkReactions.NAME);
            deleteLoadBalancerNow(caller, loadBalancerArn);
        }
    }

    private void deleteLoadBalancerNow(AccountId caller, String loadBalancerArn) {
        commands.execute(c -> {
            ownedLoadBalancer(c, caller, loadBalancerArn);
            return deciders.run(c, loadBalancerArn, new LoadBalancer.Command.Delete(
                    checks.lockedServicesUsing(c, loadBalancerArn)), LoadBalancer.DECIDER,
                    EventMetadata.forRequest(caller.value())).state();
        });
    }

    /** Deletes the caller's target group; one a listener forwards to is {@code ResourceInUse}. */
    public void deleteTargetGroup(AccountId caller, String targetGroupArn) {
        commands.execute(c -> {
            var listeners = checks.lockedListenersForwardingTo(c, caller.value(), targetGroupArn);
            ownedGroup(c, caller, targetGroupArn, "targetGroupArn");
            return deciders.run(c, targetGroupArn, new TargetGroup.Command.Delete(listeners), TargetGroup.DECIDER,
                    EventMetadata.forRequest(caller.value())).state();
        });
    }

    private LoadBalancer.Created ownedLoadBalancer(Connection c, AccountId caller, String loadBalancerArn)
            throws SQLException {
        if (deciders.load(c, loadBalancerArn, LoadBalancer.DECIDER).state() instanceof LoadBalancer.Created lb
                && lb.loadBalancer().ownerId().equals(caller.value())) {
            return lb;
        }
        throw Rejection.notFound(ErrorCode.LOAD_BALANCER_NOT_FOUND, "name",
                "Load balancer '" + loadBalancerArn + "' not found");
    }

    private TargetGroup.Created ownedGroup(Connection c, AccountId caller, String targetGroupArn, String field)
            throws SQLException {
        if (deciders.load(c, targetGroupArn, TargetGroup.DECIDER).state() instanceof TargetGroup.Created group
                && group.group().ownerId().equals(caller.value())) {
            return group;
        }
        throw Rejection.notFound(ErrorCode.TARGET_GROUP_NOT_FOUND, field,
                "Target groups '" + targetGroupArn + "' not found");
    }

    private static TargetGroup.Created group(TargetGroup state) {
        return (TargetGroup.Created) state; // a command that returned decided on an existing group
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

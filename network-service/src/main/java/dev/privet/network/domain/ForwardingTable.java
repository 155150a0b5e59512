package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointInterfacesRetired;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModified;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.EndpointSecurityGroupsApplied;
import dev.privet.contracts.events.NetworkEvent.ListenerCreated;
import dev.privet.contracts.events.NetworkEvent.ListenerDeleted;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerDeleted;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesAuthorized;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupRulesRevoked;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersReleased;
import dev.privet.contracts.events.NetworkEvent.ServiceLoadBalancersVerified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupAttributesModified;
import dev.privet.contracts.events.NetworkEvent.TargetGroupCreated;
import dev.privet.contracts.events.NetworkEvent.TargetGroupDeleted;
import dev.privet.contracts.events.NetworkEvent.TargetsDeregistered;
import dev.privet.contracts.events.NetworkEvent.TargetsRegistered;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.events.Values.HealthCheck;
import dev.privet.contracts.events.Values.Listener;
import dev.privet.contracts.events.Values.SecurityGroupRule;
import dev.privet.contracts.events.Values.Target;
import dev.privet.contracts.events.Values.TargetGroupAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the data plane forwards, folded from network-service's own events: for every interface of a provisioned
 * endpoint, its data plane address listens on each listener port of the endpoint service's load balancers, and a
 * connection there goes to the targets of that listener (its target group's registered targets, or the load
 * balancer's own targets for a listener made with it). It also knows which targets to health-check, with which
 * check, and which data plane addresses interfaces hold, so that a new one is never given twice.
 *
 * <p>Targets are looked up for each new connection, so registering or deregistering one changes where the next
 * connections go without touching the sockets; only endpoints, listeners, a service's load balancers and the
 * endpoint's security groups change what listens. Targets of type {@code instance} have no address Privet can reach,
 * and are not forwarded to.
 *
 * <p>An endpoint's security groups decide its ports: a listener port is open only while an ingress rule of one of
 * its groups allows TCP to it ({@link SecurityGroupRules#allowsTcp}). Rules are matched by protocol and port, not by
 * their peer: clients reach the data plane from the host's own addresses, not from a VPC's, so a CIDR or a referenced
 * group could not tell them apart. Egress rules do not apply: the forwarders' answers are part of the connection, as
 * with AWS's stateful groups. An endpoint provisioned before network-service recorded groups (no
 * {@code EndpointSecurityGroupsApplied} in its stream) forwards every port, as it did then.
 *
 * <p>Not thread-safe: one writer applies events, and readers synchronize with it.
 */
public final class ForwardingTable {
    /** Where a forwarder listens: a data plane address and a listener's port. */
    public record Binding(String address, int port) {
    }

    /**
     * A target as a group holds it: {@code group} is its target group's ARN, or the load balancer's ARN for the
     * targets a load balancer was made with. Health is kept per group, since groups check in their own ways.
     */
    public record CheckedTarget(String group, Target target) {
    }

    /** How a target's group checks it and what it does with its connections. */
    public record TargetSettings(HealthCheck check, TargetGroupAttributes attributes) {
        /** What a load balancer's own targets get: a network load balancer's defaults. */
        static final TargetSettings DEFAULT = new TargetSettings(HealthCheck.DEFAULT, TargetGroupAttributes.DEFAULT);
    }

    /** Where a connection to a binding may go: the endpoint it belongs to and its listeners' targets, in order. */
    public record Route(String vpcEndpointId, Map<CheckedTarget, TargetSettings> targets) {
        static final Route NOWHERE = new Route(null, Map.of());
    }

    private record Endpoint(String serviceId, List<EndpointInterface> interfaces) {
        static final Endpoint NONE = new Endpoint(null, List.of());
    }

    private record Balancer(Map<Integer, Listener> listeners, List<Target> ownTargets) {
    }

    private static final class Group {
        final boolean byAddress;
        final Set<Target> targets = new LinkedHashSet<>();
        TargetSettings settings;

        Group(boolean byAddress, HealthCheck check) {
            this.byAddress = byAddress;
            this.settings = new TargetSettings(check, TargetGroupAttributes.DEFAULT);
        }
    }

    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Map<String, String> endpointByAddress = new HashMap<>();
    private final Map<String, List<String>> balancersOfService = new HashMap<>();
    private final Map<String, Balancer> balancers = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, String> heldAddresses = new HashMap<>();
    private final Map<String, String> addressOfInterface = new HashMap<>();
    private final Map<String, List<String>> groupsOfEndpoint = new HashMap<>();
    private final Map<String, List<SecurityGroupRule>> ingressOfGroup = new HashMap<>();
    private long targetChanges;

    /**
     * Applies one event and answers the endpoints whose bindings it may change (none for the events that only move
     * targets, or that the data plane does not model).
     */
    public Set<String> apply(NetworkEvent event) {
        if (event instanceof LoadBalancerCreated || event instanceof LoadBalancerDeleted
                || event instanceof ListenerCreated || event instanceof ListenerDeleted
                || event instanceof TargetGroupCreated || event instanceof TargetGroupDeleted
                || event instanceof TargetsRegistered || event instanceof TargetsDeregistered
                || event instanceof TargetGroupAttributesModified) {
            targetChanges++;
        }
        switch (event) {
            case NetworkInterfaceCreated n when n.dataPlaneAddress() != null -> {
                heldAddresses.put(n.dataPlaneAddress(), n.networkInterfaceId());
                addressOfInterface.put(n.networkInterfaceId(), n.dataPlaneAddress());
            }
            case NetworkInterfaceDeleted d -> {
                String address = addressOfInterface.remove(d.networkInterfaceId());
                if (address != null) {
                    heldAddresses.remove(address);
                }
            }
            case EndpointNetworkProvisioned p -> {
                return listen(p.vpcEndpointId(), p.serviceId(), p.networkInterfaces());
            }
            case EndpointNetworkModified m -> { // nothing stops listening before it is retired (or released)
                Map<String, EndpointInterface> listening = new LinkedHashMap<>();
                endpoints.getOrDefault(m.vpcEndpointId(), Endpoint.NONE).interfaces()
                        .forEach(eni -> listening.put(eni.networkInterfaceId(), eni));
                m.networkInterfaces().forEach(eni -> listening.put(eni.networkInterfaceId(), eni));
                return listen(m.vpcEndpointId(), m.serviceId(), List.copyOf(listening.values()));
            }
            case EndpointInterfacesRetired r -> {
                Endpoint endpoint = endpoints.getOrDefault(r.vpcEndpointId(), Endpoint.NONE);
                Set<String> retired = Set.copyOf(r.networkInterfaceIds());
                return listen(r.vpcEndpointId(), r.serviceId(), endpoint.interfaces().stream()
                        .filter(eni -> !retired.contains(eni.networkInterfaceId())).toList());
            }
            case EndpointSecurityGroupsApplied a -> {
                groupsOfEndpoint.put(a.vpcEndpointId(), List.copyOf(a.securityGroupIds()));
                return Set.of(a.vpcEndpointId());
            }
            case SecurityGroupCreated c -> ingressOfGroup.put(c.groupId(), new ArrayList<>());
            case SecurityGroupRulesAuthorized a -> {
                List<SecurityGroupRule> ingress = ingressOfGroup.get(a.groupId());
                if (ingress != null) {
                    a.rules().stream().filter(rule -> !rule.egress()).forEach(ingress::add);
                }
                return endpointsIn(a.groupId());
            }
            case SecurityGroupRulesRevoked r -> {
                List<SecurityGroupRule> ingress = ingressOfGroup.get(r.groupId());
                if (ingress != null) {
                    Set<String> revoked = new HashSet<>();
                    r.rules().forEach(rule -> revoked.add(rule.securityGroupRuleId()));
                    ingress.removeIf(rule -> revoked.contains(rule.securityGroupRuleId()));
                }
                return endpointsIn(r.groupId());
            }
            case SecurityGroupDeleted d -> {
                ingressOfGroup.remove(d.groupId());
                return endpointsIn(d.groupId());
            }
            case EndpointNetworkReleased r -> {
                groupsOfEndpoint.remove(r.vpcEndpointId());
                Endpoint gone = endpoints.remove(r.vpcEndpointId());
                if (gone != null) {
                    gone.interfaces().forEach(eni -> endpointByAddress.remove(eni.dataPlaneAddress()));
                }
                return Set.of(r.vpcEndpointId());
            }
            case ServiceLoadBalancersVerified v -> {
                balancersOfService.put(v.serviceId(), List.copyOf(v.loadBalancerArns()));
                return endpointsOfService(v.serviceId());
            }
            case ServiceLoadBalancersReleased r -> {
                balancersOfService.remove(r.serviceId());
                return endpointsOfService(r.serviceId());
            }
            case LoadBalancerCreated c -> {
                Map<Integer, Listener> listeners = new LinkedHashMap<>();
                c.listeners().forEach(l -> listeners.put(l.port(), l));
                balancers.put(c.loadBalancerArn(), new Balancer(listeners, List.copyOf(c.targets())));
                return endpointsBehind(c.loadBalancerArn());
            }
            case ListenerCreated c -> {
                Balancer lb = balancers.get(c.loadBalancerArn());
                if (lb != null) {
                    lb.listeners().put(c.listener().port(), c.listener());
                }
                return endpointsBehind(c.loadBalancerArn());
            }
            case ListenerDeleted d -> {
                Balancer lb = balancers.get(d.loadBalancerArn());
                if (lb != null) {
                    lb.listeners().remove(d.port());
                }
                return endpointsBehind(d.loadBalancerArn());
            }
            case LoadBalancerDeleted d -> {
                balancers.remove(d.loadBalancerArn());
                return endpointsBehind(d.loadBalancerArn());
            }
            case TargetGroupCreated c -> groups.put(c.targetGroupArn(),
                    new Group("ip".equals(c.targetType()), c.healthCheck()));
            case TargetsRegistered r -> {
                Group group = groups.get(r.targetGroupArn());
                if (group != null) {
                    r.targets().forEach(t -> group.targets.add(new Target(t.id(), t.port())));
                }
            }
            case TargetsDeregistered d -> {
                Group group = groups.get(d.targetGroupArn());
                if (group != null) {
                    d.targets().forEach(t -> group.targets.remove(new Target(t.id(), t.port())));
                }
            }
            case TargetGroupAttributesModified m -> {
                Group group = groups.get(m.targetGroupArn());
                if (group != null) {
                    group.settings = new TargetSettings(group.settings.check(), m.attributes());
                }
            }
            case TargetGroupDeleted d -> groups.remove(d.targetGroupArn());
            default -> { } // the rest of the network does not change what is forwarded
        }
        return Set.of();
    }

    /** Every endpoint that has interfaces. */
    public Set<String> endpoints() {
        return Set.copyOf(endpoints.keySet());
    }

    /** Whether an interface holds the data plane address. */
    public boolean holds(String dataPlaneAddress) {
        return heldAddresses.containsKey(dataPlaneAddress);
    }

    /** Where the endpoint's forwarders listen: each data plane address of its interfaces on each listener port. */
    public Set<Binding> bindingsOf(String vpcEndpointId) {
        Endpoint endpoint = endpoints.get(vpcEndpointId);
        if (endpoint == null) {
            return Set.of();
        }
        Set<Integer> ports = new TreeSet<>();
        balancersOf(endpoint.serviceId()).forEach(lb -> ports.addAll(lb.listeners().keySet()));
        ports.removeIf(port -> !opens(vpcEndpointId, port));
        Set<Binding> bindings = new LinkedHashSet<>();
        for (EndpointInterface eni : endpoint.interfaces()) {
            if (eni.dataPlaneAddress() != null) {
                ports.forEach(port -> bindings.add(new Binding(eni.dataPlaneAddress(), port)));
            }
        }
        return bindings;
    }

    /**
     * Where a connection to the binding may go now: the targets of each listener on its port, across the service's
     * load balancers, in registration order, with their groups' settings; none when nothing listens there any more
     * or no target is registered.
     */
    public Route routeOf(Binding binding) {
        String endpointId = endpointByAddress.get(binding.address());
        Endpoint endpoint = endpoints.get(endpointId);
        if (endpoint == null) {
            return Route.NOWHERE;
        }
        Map<CheckedTarget, TargetSettings> targets = new LinkedHashMap<>();
        for (String arn : balancersOfService.getOrDefault(endpoint.serviceId(), List.of())) {
            Listener listener = balancers.containsKey(arn) ? balancers.get(arn).listeners().get(binding.port()) : null;
            if (listener != null) {
                targets.putAll(targetsOf(arn, listener));
            }
        }
        return new Route(endpointId, targets);
    }

    /**
     * Every target a listener of a load balancer forwards to, with the health check its group runs on it (the load
     * balancer's own targets get a network load balancer's default check): the targets to check, as Elastic Load
     * Balancing checks every target group a listener uses.
     */
    public Map<CheckedTarget, TargetSettings> checkedTargets() {
        Map<CheckedTarget, TargetSettings> checked = new LinkedHashMap<>();
        balancers.forEach((arn, lb) -> lb.listeners().values().forEach(l -> checked.putAll(targetsOf(arn, l))));
        return checked;
    }

    /** A count that grows with every change of load balancers, listeners, groups or targets. */
    public long targetChanges() {
        return targetChanges;
    }

    private Map<CheckedTarget, TargetSettings> targetsOf(String balancerArn, Listener listener) {
        Map<CheckedTarget, TargetSettings> targets = new LinkedHashMap<>();
        if (listener.targetGroupArn() == null) {
            balancers.get(balancerArn).ownTargets()
                    .forEach(t -> targets.put(new CheckedTarget(balancerArn, t), TargetSettings.DEFAULT));
        } else {
            Group group = groups.get(listener.targetGroupArn());
            if (group != null && group.byAddress) {
                group.targets.forEach(t -> targets.put(new CheckedTarget(listener.targetGroupArn(), t),
                        group.settings));
            }
        }
        return targets;
    }

    /** Whether the endpoint's security groups let TCP in to the port (every port without groups on record). */
    private boolean opens(String vpcEndpointId, int port) {
        List<String> groups = groupsOfEndpoint.get(vpcEndpointId);
        return groups == null || groups.stream().anyMatch(group -> ingressOfGroup.getOrDefault(group, List.of())
                .stream().anyMatch(rule -> SecurityGroupRules.allowsTcp(rule, port)));
    }

    /** The endpoints with interfaces whose groups include the group. */
    private Set<String> endpointsIn(String groupId) {
        Set<String> ids = new LinkedHashSet<>();
        groupsOfEndpoint.forEach((id, groups) -> {
            if (groups.contains(groupId) && endpoints.containsKey(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<Balancer> balancersOf(String serviceId) {
        return balancersOfService.getOrDefault(serviceId, List.of()).stream()
                .map(balancers::get).filter(lb -> lb != null).toList();
    }

    /** The endpoint's interfaces from now on are {@code interfaces}: each of them listens, and no other. */
    private Set<String> listen(String vpcEndpointId, String serviceId, List<EndpointInterface> interfaces) {
        Endpoint before = endpoints.put(vpcEndpointId, new Endpoint(serviceId, List.copyOf(interfaces)));
        if (before != null) {
            before.interfaces().forEach(eni -> endpointByAddress.remove(eni.dataPlaneAddress()));
        }
        interfaces.stream().filter(eni -> eni.dataPlaneAddress() != null)
                .forEach(eni -> endpointByAddress.put(eni.dataPlaneAddress(), vpcEndpointId));
        return Set.of(vpcEndpointId);
    }

    private Set<String> endpointsOfService(String serviceId) {
        Set<String> ids = new LinkedHashSet<>();
        endpoints.forEach((id, endpoint) -> {
            if (endpoint.serviceId().equals(serviceId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private Set<String> endpointsBehind(String loadBalancerArn) {
        Set<String> ids = new LinkedHashSet<>();
        balancersOfService.forEach((service, arns) -> {
            if (arns.contains(loadBalancerArn)) {
                ids.addAll(endpointsOfService(service));
            }
        });
        return ids;
    }
}

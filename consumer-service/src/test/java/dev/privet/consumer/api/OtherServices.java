package dev.privet.consumer.api;

import dev.privet.contracts.events.DnsEvent.EndpointDnsPublished;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkModificationFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.LoadBalancerCreated;
import dev.privet.contracts.events.NetworkEvent.RouteTableCreated;
import dev.privet.contracts.events.NetworkEvent.SecurityGroupCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.ProviderEvent.AllowedPrincipalsAdded;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionRejected;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceAvailable;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointServiceDeleted;
import dev.privet.contracts.events.Values.DnsEntry;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.AccountId;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.contracts.ids.LoadBalancerArn;
import dev.privet.contracts.ids.Region;
import dev.privet.contracts.ids.ServiceName;
import dev.privet.testkit.PublishedEvents;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Plays provider-, network- and dns-service in tests: publishes their events to their topics for real, as their
 * relays would ({@link PublishedEvents}), with per-stream versions.
 */
final class OtherServices {
    private final PublishedEvents broker = PublishedEvents.onTestBroker();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** Each VPC's default security group, made with it. */
    private final Map<String, String> defaultGroups = new ConcurrentHashMap<>();
    /** While publishing behind a backlog: the sends not yet acknowledged. */
    private List<Future<RecordMetadata>> pending;

    /** A subnet the network view should know, with the VPC it is in. */
    record Network(String vpcId, String subnetId, String zone) {
    }

    void publish(String principal, IntegrationEvent... events) {
        for (IntegrationEvent event : events) {
            long version = versions.merge(event.streamId(), 1L, Long::sum);
            Future<RecordMetadata> sent = broker.send(PublishedEvents.envelope(event, version, principal));
            if (pending != null) {
                pending.add(sent);
                continue;
            }
            try {
                sent.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("cannot publish " + event, e);
            }
        }
    }

    /**
     * Publishes {@code count} events of unrelated services and VPCs, then what {@code publishing} publishes, all at
     * once: the views of those topics have the backlog to apply before they reach what the test cares about.
     */
    <T> T behindBacklog(int count, Supplier<T> publishing) {
        pending = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String serviceId = IdFormat.ENDPOINT_SERVICE.newId();
                publish("999999999999", new EndpointServiceCreated(serviceId,
                                new ServiceName(Region.DEFAULT, serviceId).value(), "999999999999", "us-east-1", List.of(), false),
                        new VpcCreated(IdFormat.VPC.newId(), "999999999999", "10.0.0.0/16", "us-east-1"));
            }
            T published = publishing.get();
            for (Future<RecordMetadata> f : pending) {
                f.get();
            }
            return published;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot publish the backlog", e);
        } finally {
            pending = null;
        }
    }

    /** An available service of {@code owner} that admits {@code principals}; returns its name. */
    String availableService(String owner, boolean acceptanceRequired, String... principals) {
        return availableService(owner, acceptanceRequired, List.of(), principals);
    }

    /** An available service of {@code owner} behind {@code loadBalancerArns}, as provider-service publishes it. */
    String availableService(String owner, boolean acceptanceRequired, List<String> loadBalancerArns,
                            String... principals) {
        String serviceId = IdFormat.ENDPOINT_SERVICE.newId();
        String name = new ServiceName(Region.DEFAULT, serviceId).value();
        publish(owner, new EndpointServiceCreated(serviceId, name, owner, "us-east-1", loadBalancerArns,
                        acceptanceRequired),
                new EndpointServiceAvailable(serviceId),
                new AllowedPrincipalsAdded(serviceId, List.of(principals)));
        return name;
    }

    /** The owner deletes the service, as provider-service publishes it. */
    void deleteService(String owner, String serviceName) {
        publish(owner, new EndpointServiceDeleted(serviceIdOf(serviceName), owner, List.of()));
    }

    /** A VPC with its default security group, as network-service publishes them, and a subnet in it. */
    Network vpcWithSubnet(String owner, String zone) {
        String vpcId = IdFormat.VPC.newId();
        String defaultGroup = IdFormat.SECURITY_GROUP.newId();
        publish(owner, new VpcCreated(vpcId, owner, "10.0.0.0/16", "us-east-1"),
                new SecurityGroupCreated(defaultGroup, "default", "default VPC security group", vpcId, owner, true));
        defaultGroups.put(vpcId, defaultGroup);
        return subnetIn(owner, vpcId, zone);
    }

    /** The default security group of a VPC {@link #vpcWithSubnet} made. */
    String defaultGroupOf(String vpcId) {
        return defaultGroups.get(vpcId);
    }

    /** A security group of {@code owner} in the VPC, as network-service publishes it; returns its id. */
    String securityGroupIn(String owner, String vpcId) {
        String groupId = IdFormat.SECURITY_GROUP.newId();
        publish(owner, new SecurityGroupCreated(groupId, "group-" + groupId, "a group", vpcId, owner, false));
        return groupId;
    }

    /** A route table of {@code owner} in the VPC, as network-service publishes it; returns its id. */
    String routeTableIn(String owner, String vpcId) {
        String routeTableId = IdFormat.ROUTE_TABLE.newId();
        publish(owner, new RouteTableCreated(routeTableId, vpcId, owner, "10.0.0.0/16", false));
        return routeTableId;
    }

    Network subnetIn(String owner, String vpcId, String zone) {
        String subnetId = IdFormat.SUBNET.newId();
        publish(owner, new SubnetCreated(subnetId, vpcId, owner, "10.0.1.0/24", zone));
        return new Network(vpcId, subnetId, zone);
    }

    /** A network load balancer of {@code owner} in the subnets of {@code networks}, as network-service publishes it. */
    String loadBalancer(String owner, Network... networks) {
        String name = "lb-" + IdFormat.VPC.newId().substring(4, 12);
        String arn = LoadBalancerArn.of(Region.DEFAULT, new AccountId(owner), "net", name);
        publish(owner, new LoadBalancerCreated(arn, name, owner, "network", networks[0].vpcId(),
                Arrays.stream(networks).map(Network::subnetId).toList(), List.of(), List.of(),
                LoadBalancerCreated.INTERNAL));
        return arn;
    }

    static String serviceIdOf(String serviceName) {
        return ServiceName.parse(serviceName).orElseThrow().serviceId();
    }

    void accept(String owner, String serviceName, String vpcEndpointId, Network network) {
        publish(owner, new EndpointConnectionAccepted(serviceIdOf(serviceName), vpcEndpointId, owner,
                network.vpcId(), List.of(network.subnetId()), List.of()));
    }

    void reject(String owner, String serviceName, String vpcEndpointId, String reason) {
        publish(owner, new EndpointConnectionRejected(serviceIdOf(serviceName), vpcEndpointId, owner, reason));
    }

    void publishDns(String owner, String serviceName, String vpcEndpointId, Network network, String eniId,
                    List<DnsEntry> dns) {
        publish(owner, new EndpointDnsPublished(vpcEndpointId, serviceIdOf(serviceName), dns,
                List.of(new EndpointInterface(eniId, network.subnetId(), network.zone(), "10.0.1.5",
                        "127.100.0.5"))));
    }

    /** network-service could not make a change of the endpoint's subnets: it stays in {@code kept}. */
    void failModification(String owner, String serviceName, String vpcEndpointId, String reason, Network kept) {
        publish(owner, new EndpointNetworkModificationFailed(vpcEndpointId, serviceIdOf(serviceName), reason,
                List.of(kept.subnetId())));
    }

    void releaseNetwork(String owner, String serviceName, String vpcEndpointId, String eniId) {
        publish(owner, new EndpointNetworkReleased(vpcEndpointId, serviceIdOf(serviceName), List.of(eniId)));
    }
}

package dev.privet.network.app;

import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.DeciderRunner.Loaded;
import dev.privet.network.dataplane.Forwarders;
import dev.privet.network.domain.EndpointNetwork;
import dev.privet.network.domain.EndpointNetwork.Command.Fail;
import dev.privet.network.domain.EndpointNetwork.Command.Provision;
import dev.privet.network.domain.EndpointNetwork.Command.Release;
import dev.privet.network.domain.Subnet;
import dev.privet.network.domain.SubnetState;
import dev.privet.network.domain.SubnetState.Command.AllocateInterface;
import dev.privet.network.domain.SubnetState.Command.ReleaseInterface;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and tears down the interfaces of accepted endpoints: one interface per subnet, each holding an address of
 * its subnet and a data plane address of the pool, where its forwarders will listen. The read model's unique index
 * on data plane addresses refuses an address that a concurrent transaction chose too; that transaction rolls back
 * and the acceptance is applied again, with another choice. Runs inside the reacting consumer's transaction, appending to each subnet's stream and to the
 * endpoint's network stream together; a concurrent allocation in the same subnet makes the append conflict, the
 * transaction roll back and the event be applied again.
 */
@ApplicationScoped
public class EndpointNetworking {
    private final DeciderRunner deciders;
    private final Forwarders dataPlane;

    EndpointNetworking(DeciderRunner deciders, Forwarders dataPlane) {
        this.deciders = deciders;
        this.dataPlane = dataPlane;
    }

    public void provision(Connection c, EndpointConnectionAccepted accepted, EventEnvelope cause) throws SQLException {
        String endpointId = accepted.vpcEndpointId();
        if (!deciders.load(c, endpointId, EndpointNetwork.DECIDER).state().awaitsProvisioning()) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        // Decide every address first: one subnet that cannot take an interface fails the endpoint, and then
        // nothing is allocated anywhere (no address would ever be released otherwise).
        List<Allocation> allocations = new ArrayList<>();
        Set<String> reserved = new HashSet<>();
        for (String subnetId : accepted.subnetIds()) {
            Loaded<SubnetState> subnet = deciders.load(c, subnetId, SubnetState.DECIDER);
            if (!(subnet.state() instanceof Subnet s) || !s.created().vpcId().equals(accepted.vpcId())) {
                fail(c, accepted, metadata, "subnet " + subnetId + " does not exist in " + accepted.vpcId());
                return;
            }
            Optional<String> dataPlaneAddress = dataPlane.freeAddress(reserved);
            if (dataPlaneAddress.isEmpty()) {
                fail(c, accepted, metadata, "the data plane address pool " + dataPlane.pool().block()
                        + " has no free address left");
                return;
            }
            reserved.add(dataPlaneAddress.get());
            try {
                var allocate = new AllocateInterface(IdFormat.NETWORK_INTERFACE.newId(), endpointId,
                        dataPlaneAddress.get());
                allocations.add(new Allocation(subnet, (NetworkInterfaceCreated)
                        SubnetState.DECIDER.decide(allocate, s).getFirst()));
            } catch (Rejection full) {
                fail(c, accepted, metadata, full.getMessage());
                return;
            }
        }
        List<EndpointInterface> interfaces = new ArrayList<>();
        for (Allocation a : allocations) {
            deciders.appendDecision(c, a.subnet(), List.of(a.created()), SubnetState.DECIDER, metadata);
            Subnet s = (Subnet) a.subnet().state();
            interfaces.add(new EndpointInterface(a.created().networkInterfaceId(), s.created().subnetId(),
                    s.created().availabilityZone(), a.created().privateIpAddress(), a.created().dataPlaneAddress()));
        }
        deciders.run(c, endpointId, new Provision(endpointId, accepted.serviceId(), interfaces),
                EndpointNetwork.DECIDER, metadata);
    }

    /** An address decided for one subnet, not yet appended. */
    private record Allocation(Loaded<SubnetState> subnet, NetworkInterfaceCreated created) {
    }

    /** Deletes the endpoint's interfaces, if any, and marks its network released for good. */
    public void release(Connection c, String vpcEndpointId, String serviceId, EventEnvelope cause) throws SQLException {
        Loaded<EndpointNetwork> network = deciders.load(c, vpcEndpointId, EndpointNetwork.DECIDER);
        if (EndpointNetwork.DECIDER.isTerminal(network.state())) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        List<String> released = new ArrayList<>();
        for (EndpointInterface eni : network.state().interfacesToRelease()) {
            deciders.run(c, eni.subnetId(), new ReleaseInterface(eni.networkInterfaceId(), vpcEndpointId),
                    SubnetState.DECIDER, metadata);
            released.add(eni.networkInterfaceId());
        }
        deciders.appendDecision(c, network, EndpointNetwork.DECIDER.decide(
                new Release(vpcEndpointId, serviceId, released), network.state()), EndpointNetwork.DECIDER, metadata);
    }

    private void fail(Connection c, EndpointConnectionAccepted accepted, EventMetadata metadata, String reason)
            throws SQLException {
        deciders.run(c, accepted.vpcEndpointId(), new Fail(accepted.vpcEndpointId(), accepted.serviceId(), reason),
                EndpointNetwork.DECIDER, metadata);
    }
}

package dev.privet.network.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.ProviderEvent.EndpointConnectionAccepted;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.contracts.ids.IdFormat;
import dev.privet.eventstore.EventStore;
import dev.privet.network.domain.EndpointNetwork;
import dev.privet.network.domain.NetworkRejected;
import dev.privet.network.domain.Subnet;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and tears down the interfaces of accepted endpoints: one interface per subnet, each holding an address of
 * its subnet. Runs inside the reacting consumer's transaction; a concurrent allocation in the same subnet makes the
 * append conflict, the transaction roll back and the event be applied again.
 */
@ApplicationScoped
public class EndpointNetworking {
    private final EventStore store;

    EndpointNetworking(EventStore store) {
        this.store = store;
    }

    public void provision(Connection c, EndpointConnectionAccepted accepted, EventEnvelope cause) throws SQLException {
        List<EventEnvelope> history = store.load(c, accepted.vpcEndpointId());
        if (!EndpointNetwork.from(history).awaitsProvisioning()) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        // Decide every address first: one subnet that cannot take an interface fails the endpoint, and then
        // nothing is allocated anywhere (no address would ever be released otherwise).
        List<Allocation> allocations = new ArrayList<>();
        for (String subnetId : accepted.subnetIds()) {
            List<EventEnvelope> subnetHistory = store.load(c, subnetId);
            Subnet subnet = Subnet.from(subnetHistory);
            if (subnet == null || !subnet.created().vpcId().equals(accepted.vpcId())) {
                fail(c, accepted, history, metadata, "subnet " + subnetId + " does not exist in " + accepted.vpcId());
                return;
            }
            try {
                allocations.add(new Allocation(subnet, subnetHistory,
                        subnet.allocate(IdFormat.NETWORK_INTERFACE.newId(), accepted.vpcEndpointId())));
            } catch (NetworkRejected full) {
                fail(c, accepted, history, metadata, full.getMessage());
                return;
            }
        }
        List<EndpointInterface> interfaces = new ArrayList<>();
        for (Allocation a : allocations) {
            StreamAppender.append(store, c, a.subnetHistory(), metadata, a.created());
            interfaces.add(new EndpointInterface(a.created().networkInterfaceId(), a.subnet().created().subnetId(),
                    a.subnet().created().availabilityZone(), a.created().privateIpAddress()));
        }
        StreamAppender.append(store, c, history, metadata,
                new EndpointNetworkProvisioned(accepted.vpcEndpointId(), accepted.serviceId(), interfaces));
    }

    /** An address decided for one subnet, not yet appended. */
    private record Allocation(Subnet subnet, List<EventEnvelope> subnetHistory, NetworkInterfaceCreated created) {
    }

    /** Deletes the endpoint's interfaces, if any, and marks its network released for good. */
    public void release(Connection c, String vpcEndpointId, String serviceId, EventEnvelope cause) throws SQLException {
        List<EventEnvelope> history = store.load(c, vpcEndpointId);
        EndpointNetwork state = EndpointNetwork.from(history);
        if (state.released()) {
            return;
        }
        EventMetadata metadata = EventMetadata.causedBy(cause);
        List<String> released = new ArrayList<>();
        for (EndpointInterface eni : state.interfacesToRelease()) {
            List<EventEnvelope> subnetHistory = store.load(c, eni.subnetId());
            StreamAppender.append(store, c, subnetHistory, metadata,
                    Subnet.from(subnetHistory).release(eni.networkInterfaceId(), vpcEndpointId));
            released.add(eni.networkInterfaceId());
        }
        StreamAppender.append(store, c, history, metadata,
                new EndpointNetworkReleased(vpcEndpointId, serviceId, released));
    }

    private void fail(Connection c, EndpointConnectionAccepted accepted, List<EventEnvelope> history,
                      EventMetadata metadata, String reason) throws SQLException {
        StreamAppender.append(store, c, history, metadata,
                new EndpointNetworkFailed(accepted.vpcEndpointId(), accepted.serviceId(), reason));
    }
}

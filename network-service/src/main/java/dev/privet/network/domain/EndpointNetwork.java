package dev.privet.network.domain;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.Values.EndpointInterface;

import java.util.List;

/**
 * The network side of one VPC endpoint: nothing yet, its interfaces provisioned, failed, or released. Released is
 * final: the provider's acceptance and the DNS removal travel on different topics and may arrive in either order, so
 * an acceptance that arrives after the release is ignored rather than building interfaces nobody will delete.
 */
public sealed interface EndpointNetwork {

    record None() implements EndpointNetwork {
    }

    record Provisioned(String serviceId, List<EndpointInterface> interfaces) implements EndpointNetwork {
    }

    record Failed(String reason) implements EndpointNetwork {
    }

    record Released() implements EndpointNetwork {
    }

    static EndpointNetwork from(List<EventEnvelope> history) {
        EndpointNetwork state = new None();
        for (EventEnvelope e : history) {
            state = switch (e.event()) {
                case EndpointNetworkProvisioned p -> new Provisioned(p.serviceId(), p.networkInterfaces());
                case EndpointNetworkFailed f -> new Failed(f.reason());
                case EndpointNetworkReleased r -> new Released();
                default -> throw new IllegalStateException("not an event of an endpoint's network: " + e.type());
            };
        }
        return state;
    }

    /** Whether an acceptance should build interfaces now. */
    default boolean awaitsProvisioning() {
        return this instanceof None;
    }

    /** The interfaces to delete on release: none unless provisioned. */
    default List<EndpointInterface> interfacesToRelease() {
        return this instanceof Provisioned p ? p.interfaces() : List.of();
    }

    default boolean released() {
        return this instanceof Released;
    }
}

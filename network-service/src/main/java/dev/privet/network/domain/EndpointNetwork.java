package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkFailed;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkProvisioned;
import dev.privet.contracts.events.NetworkEvent.EndpointNetworkReleased;
import dev.privet.contracts.events.Values.EndpointInterface;
import dev.privet.eventstore.Decider;

import java.time.Instant;
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

    /** The commands of an endpoint's network stream. */
    sealed interface Command {
        /** Record the interfaces built for the endpoint (their addresses are appended to the subnets beside it). */
        record Provision(String vpcEndpointId, String serviceId, List<EndpointInterface> interfaces) implements Command {
        }

        record Fail(String vpcEndpointId, String serviceId, String reason) implements Command {
        }

        /** Mark the network released, with the interfaces deleted beside it. */
        record Release(String vpcEndpointId, String serviceId, List<String> deletedInterfaceIds) implements Command {
        }
    }

    /** Whether an acceptance should build interfaces now. */
    default boolean awaitsProvisioning() {
        return this instanceof None;
    }

    /** The interfaces to delete on release: none unless provisioned. */
    default List<EndpointInterface> interfacesToRelease() {
        return this instanceof Provisioned p ? p.interfaces() : List.of();
    }

    Decider<Command, EndpointNetwork, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public EndpointNetwork initialState() {
            return new None();
        }

        @Override
        public List<NetworkEvent> decide(Command command, EndpointNetwork state) {
            return switch (command) {
                case Command.Provision p -> state.awaitsProvisioning()
                        ? List.of(new EndpointNetworkProvisioned(p.vpcEndpointId(), p.serviceId(), p.interfaces()))
                        : List.of();
                case Command.Fail f -> state.awaitsProvisioning()
                        ? List.of(new EndpointNetworkFailed(f.vpcEndpointId(), f.serviceId(), f.reason()))
                        : List.of();
                case Command.Release r -> state instanceof Released ? List.of()
                        : List.of(new EndpointNetworkReleased(r.vpcEndpointId(), r.serviceId(), r.deletedInterfaceIds()));
            };
        }

        @Override
        public EndpointNetwork evolve(EndpointNetwork state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case EndpointNetworkProvisioned p -> new Provisioned(p.serviceId(), p.networkInterfaces());
                case EndpointNetworkFailed f -> new Failed(f.reason());
                case EndpointNetworkReleased r -> new Released();
                default -> throw new IllegalStateException("not an event of an endpoint's network: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(EndpointNetwork state) {
            return state instanceof Released;
        }
    };
}

package dev.privet.network.domain;

import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceCreated;
import dev.privet.contracts.events.NetworkEvent.NetworkInterfaceDeleted;
import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent.SubnetCreated;
import dev.privet.contracts.events.NetworkEvent.SubnetDeleted;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * A subnet's stream: not created yet, a {@link Subnet} with the addresses its interfaces hold, or deleted (which
 * nothing follows).
 */
public sealed interface SubnetState permits SubnetState.NoSubnet, Subnet, SubnetState.DeletedSubnet {

    record NoSubnet() implements SubnetState {
    }

    record DeletedSubnet(SubnetCreated created) implements SubnetState {
    }

    /** The commands of a subnet's stream. */
    sealed interface Command {
        /** A new subnet in {@code vpc}, whose other subnets hold {@code siblings}. */
        record CreateSubnet(String subnetId, Vpc vpc, String vpcId, String caller, Cidr cidr,
                            String availabilityZone, List<Cidr> siblings) implements Command {
        }

        /** An interface for the endpoint, on the lowest free address, reached at {@code dataPlaneAddress}. */
        record AllocateInterface(String networkInterfaceId, String vpcEndpointId, String dataPlaneAddress)
                implements Command {
        }

        record ReleaseInterface(String networkInterfaceId, String vpcEndpointId) implements Command {
        }

        /** Deletes the caller's subnet; {@code loadBalancers} are those in it (read under the VPC's subnet lock). */
        record DeleteSubnet(String subnetId, String caller, List<String> loadBalancers) implements Command {
        }
    }

    Decider<Command, SubnetState, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public SubnetState initialState() {
            return new NoSubnet();
        }

        @Override
        public List<NetworkEvent> decide(Command command, SubnetState state) {
            return switch (command) {
                case Command.CreateSubnet c -> {
                    if (state instanceof Subnet) {
                        throw new IllegalStateException("subnet " + c.subnetId() + " exists already");
                    }
                    yield List.of(VpcRules.createSubnet(c.subnetId(), c.vpc().ownedBy(c.caller(), c.vpcId()),
                            c.caller(), c.cidr(), c.availabilityZone(), c.siblings()));
                }
                case Command.AllocateInterface a -> state instanceof DeletedSubnet ? List.of()
                        : List.of(existing(state).allocate(a.networkInterfaceId(), a.vpcEndpointId(),
                                a.dataPlaneAddress()));
                case Command.ReleaseInterface r ->
                        state instanceof DeletedSubnet || !existing(state).holds(r.networkInterfaceId()) ? List.of()
                                : List.of(existing(state).release(r.networkInterfaceId(), r.vpcEndpointId()));
                case Command.DeleteSubnet d -> {
                    if (!(state instanceof Subnet subnet) || !subnet.created().ownerId().equals(d.caller())) {
                        throw Rejection.notFound(ErrorCode.INVALID_SUBNET_ID_NOT_FOUND, "subnetId",
                                "The subnet ID '" + d.subnetId() + "' does not exist");
                    }
                    if (!subnet.addressesByInterface().isEmpty() || !d.loadBalancers().isEmpty()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "subnetId", "The subnet '"
                                + d.subnetId() + "' has dependencies and cannot be deleted: "
                                + subnet.addressesByInterface().size() + " network interfaces, load balancers "
                                + d.loadBalancers());
                    }
                    yield List.of(new SubnetDeleted(d.subnetId(), subnet.created().vpcId(), d.caller()));
                }
            };
        }

        @Override
        public SubnetState evolve(SubnetState state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case SubnetCreated c -> new Subnet(c, Cidr.parse(c.cidrBlock()).orElseThrow(), new TreeMap<>());
                case NetworkInterfaceCreated n -> existing(state).with(n.networkInterfaceId(), n.privateIpAddress());
                case NetworkInterfaceDeleted d -> existing(state).without(d.networkInterfaceId());
                case SubnetDeleted d -> new DeletedSubnet(existing(state).created());
                default -> throw new IllegalStateException("not an event of a subnet: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(SubnetState state) {
            return state instanceof DeletedSubnet;
        }
    };

    private static Subnet existing(SubnetState state) {
        if (state instanceof Subnet subnet) {
            return subnet;
        }
        throw new IllegalStateException("the subnet does not exist");
    }
}

package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.NetworkEvent.VpcDeleted;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;

/** A VPC's stream: not created yet, created with its block, or deleted (which nothing follows). */
public sealed interface Vpc {

    record NoVpc() implements Vpc {
    }

    record Created(VpcCreated vpc) implements Vpc {
    }

    record Deleted(VpcCreated vpc) implements Vpc {
    }

    /** The VPC {@code vpcId} as {@code caller} may use it: only its owner sees it, and only until it is deleted. */
    default VpcCreated ownedBy(String caller, String vpcId) {
        if (this instanceof Created c && c.vpc().ownerId().equals(caller)) {
            return c.vpc();
        }
        throw Rejection.invalid(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId", "The vpc ID '" + vpcId + "' does not exist");
    }

    /** The commands of a VPC's stream. */
    sealed interface Command {
        record CreateVpc(String vpcId, String ownerId, Cidr cidr, String region) implements Command {
        }

        /**
         * Deletes the caller's VPC; {@code dependencies} are its subnets and target groups, read under the VPC's
         * subnet lock.
         */
        record DeleteVpc(String vpcId, String caller, List<String> dependencies) implements Command {
        }
    }

    Decider<Command, Vpc, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public Vpc initialState() {
            return new NoVpc();
        }

        @Override
        public List<NetworkEvent> decide(Command command, Vpc state) {
            return switch (command) {
                case Command.CreateVpc create -> switch (state) {
                    case NoVpc n -> List.of(VpcRules.createVpc(create.vpcId(), create.ownerId(), create.cidr(),
                            create.region()));
                    case Created c -> throw new IllegalStateException("vpc " + create.vpcId() + " exists already");
                    case Deleted d -> throw new IllegalStateException("vpc " + create.vpcId() + " was deleted");
                };
                case Command.DeleteVpc delete -> {
                    if (!(state instanceof Created created) || !created.vpc().ownerId().equals(delete.caller())) {
                        throw Rejection.notFound(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId",
                                "The vpc ID '" + delete.vpcId() + "' does not exist");
                    }
                    VpcCreated vpc = created.vpc();
                    if (!delete.dependencies().isEmpty()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "vpcId", "The vpc '"
                                + delete.vpcId() + "' has dependencies and cannot be deleted: "
                                + String.join(", ", delete.dependencies()));
                    }
                    yield List.of(new VpcDeleted(vpc.vpcId(), vpc.ownerId()));
                }
            };
        }

        @Override
        public Vpc evolve(Vpc state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case VpcCreated created -> new Created(created);
                case VpcDeleted deleted when state instanceof Created c -> new Deleted(c.vpc());
                default -> throw new IllegalStateException("not an event of a VPC here: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(Vpc state) {
            return state instanceof Deleted;
        }
    };
}

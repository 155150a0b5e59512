package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.VpcAttributesModified;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.contracts.events.NetworkEvent.VpcDeleted;
import dev.privet.contracts.events.Values.VpcAttributes;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;

/** A VPC's stream: not created yet, created with its block and attributes, or deleted (which nothing follows). */
public sealed interface Vpc {

    record NoVpc() implements Vpc {
    }

    record Created(VpcCreated vpc, VpcAttributes attributes) implements Vpc {
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

        /** Changes the caller's VPC's attributes given (null: left as they are). */
        record ModifyAttributes(String vpcId, String caller, Boolean enableDnsSupport, Boolean enableDnsHostnames,
                                Boolean enableNetworkAddressUsageMetrics) implements Command {
            VpcAttributes applyTo(VpcAttributes current) {
                return new VpcAttributes(
                        enableDnsSupport == null ? current.enableDnsSupport() : enableDnsSupport,
                        enableDnsHostnames == null ? current.enableDnsHostnames() : enableDnsHostnames,
                        enableNetworkAddressUsageMetrics == null ? current.enableNetworkAddressUsageMetrics()
                                : enableNetworkAddressUsageMetrics);
            }
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
                    VpcCreated vpc = existing(state, delete.caller(), delete.vpcId()).vpc();
                    if (!delete.dependencies().isEmpty()) {
                        throw Rejection.invalid(ErrorCode.DEPENDENCY_VIOLATION, "vpcId", "The vpc '"
                                + delete.vpcId() + "' has dependencies and cannot be deleted: "
                                + String.join(", ", delete.dependencies()));
                    }
                    yield List.of(new VpcDeleted(vpc.vpcId(), vpc.ownerId()));
                }
                case Command.ModifyAttributes modify -> {
                    Created vpc = existing(state, modify.caller(), modify.vpcId());
                    VpcAttributes changed = modify.applyTo(vpc.attributes());
                    if (changed.enableDnsHostnames() && !changed.enableDnsSupport()) {
                        throw Rejection.invalid(ErrorCode.INVALID_PARAMETER_COMBINATION,
                                modify.enableDnsHostnames() != null ? "enableDnsHostnames" : "enableDnsSupport",
                                "DNS hostnames need DNS support: enableDnsHostnames can be true only while "
                                        + "enableDnsSupport is");
                    }
                    yield changed.equals(vpc.attributes()) ? List.of()
                            : List.of(new VpcAttributesModified(vpc.vpc().vpcId(), vpc.vpc().ownerId(), changed));
                }
            };
        }

        @Override
        public Vpc evolve(Vpc state, NetworkEvent event, Instant recordedAt) {
            return switch (event) {
                case VpcCreated created -> new Created(created, VpcAttributes.DEFAULT);
                case VpcAttributesModified modified when state instanceof Created c ->
                        new Created(c.vpc(), modified.attributes());
                case VpcDeleted deleted when state instanceof Created c -> new Deleted(c.vpc());
                default -> throw new IllegalStateException("not an event of a VPC here: " + event.eventType());
            };
        }

        @Override
        public boolean isTerminal(Vpc state) {
            return state instanceof Deleted;
        }

        /** The caller's live VPC; another account's, or one never made or deleted, is not found (404). */
        private static Created existing(Vpc state, String caller, String vpcId) {
            if (state instanceof Created created && created.vpc().ownerId().equals(caller)) {
                return created;
            }
            throw Rejection.notFound(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId",
                    "The vpc ID '" + vpcId + "' does not exist");
        }
    };
}

package dev.privet.network.domain;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.NetworkEvent;
import dev.privet.contracts.events.NetworkEvent.VpcCreated;
import dev.privet.eventstore.Decider;

import java.time.Instant;
import java.util.List;

/** A VPC's stream: not created yet, or created with its block. */
public sealed interface Vpc {

    record NoVpc() implements Vpc {
    }

    record Created(VpcCreated vpc) implements Vpc {
    }

    /** The VPC {@code vpcId} as {@code caller} may use it: only its owner sees it. */
    default VpcCreated ownedBy(String caller, String vpcId) {
        if (this instanceof Created c && c.vpc().ownerId().equals(caller)) {
            return c.vpc();
        }
        throw Rejection.invalid(ErrorCode.INVALID_VPC_ID_NOT_FOUND, "vpcId", "The vpc ID '" + vpcId + "' does not exist");
    }

    /** The command of a VPC's stream. */
    record CreateVpc(String vpcId, String ownerId, Cidr cidr, String region) {
    }

    Decider<CreateVpc, Vpc, NetworkEvent> DECIDER = new Decider<>() {
        @Override
        public Vpc initialState() {
            return new NoVpc();
        }

        @Override
        public List<NetworkEvent> decide(CreateVpc create, Vpc state) {
            return switch (state) {
                case NoVpc n -> List.of(VpcRules.createVpc(create.vpcId(), create.ownerId(), create.cidr(),
                        create.region()));
                case Created c -> throw new IllegalStateException("vpc " + create.vpcId() + " exists already");
            };
        }

        @Override
        public Vpc evolve(Vpc state, NetworkEvent event, Instant recordedAt) {
            if (event instanceof VpcCreated created) {
                return new Created(created);
            }
            throw new IllegalStateException("not an event of a VPC: " + event.eventType());
        }
    };
}

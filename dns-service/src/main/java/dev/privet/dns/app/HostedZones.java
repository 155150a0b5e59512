package dev.privet.dns.app;

import dev.privet.contracts.errors.ErrorCode;
import dev.privet.contracts.errors.Rejection;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.Values.RecordSetChange;
import dev.privet.contracts.ids.Requester;
import dev.privet.dns.domain.HostedZone;
import dev.privet.dns.domain.HostedZone.Zone;
import dev.privet.dns.domain.HostedZoneCommand.ChangeRecordSets;
import dev.privet.dns.domain.HostedZoneCommand.CreateHostedZone;
import dev.privet.dns.domain.HostedZoneCommand.DeleteHostedZone;
import dev.privet.dns.domain.HostedZoneId;
import dev.privet.dns.domain.ZoneNames;
import dev.privet.dns.projection.HostedZoneReferenceRow;
import dev.privet.dns.projection.HostedZoneRow;
import dev.privet.eventstore.AdvisoryLocks;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.EventStore;
import dev.privet.runtime.CommandRunner;
import dev.privet.runtime.EventRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.privet.dns.domain.HostedZoneDecider.DECIDER;

/**
 * The use cases of hosted zones, each a command of the {@link CommandRunner}: its own transaction, answered once its
 * events are published, which (the relay waiting for the served names) means once this replica's DNS server answers
 * accordingly. A create is checked against every zone's name and the account's caller references, which span
 * streams, under one lock for all zone names, so two creates cannot both pass: the names from the inline read model
 * (every replica's commits are in it), the caller references from the event store (a deleted zone's reference stays
 * taken, and its row is gone).
 */
@ApplicationScoped
public class HostedZones {
    private static final String NAMES_SCOPE = "hosted-zone-names";

    private final CommandRunner commands;
    private final DeciderRunner deciders;
    private final AdvisoryLocks locks;
    private final EventStore store;
    private final EventRuntime runtime;

    HostedZones(CommandRunner commands, DeciderRunner deciders, AdvisoryLocks locks, EventStore store,
                EventRuntime runtime) {
        this.commands = commands;
        this.deciders = deciders;
        this.locks = locks;
        this.store = store;
        this.runtime = runtime;
    }

    /**
     * Creates a zone of a normalized name, or returns the one the caller's earlier request with the same caller
     * reference created, as Route 53 does: the reference is the create's idempotency key. The same reference with
     * another name or comment is {@code HostedZoneAlreadyExists}, also once that zone is deleted.
     */
    public Zone create(Requester caller, String name, String callerReference, String comment) {
        String id = HostedZoneId.random();
        String account = caller.accountId();
        long[] replayedUpTo = {0};
        HostedZone zone = commands.execute(c -> {
            locks.lockScope(c, NAMES_SCOPE);
            Optional<String> earlier = HostedZoneReferenceRow.zoneOf(account, callerReference);
            if (earlier.isPresent()) {
                HostedZone existing = deciders.load(c, earlier.get(), DECIDER).state();
                if (existing instanceof Zone z && z.name().equals(name) && Objects.equals(z.comment(), comment)) {
                    replayedUpTo[0] = store.lastPosition(c, earlier.get());
                    return z;
                }
                throw Rejection.conflict(ErrorCode.HOSTED_ZONE_ALREADY_EXISTS, "callerReference",
                        "the caller reference was used for another request, by " + earlier.get()
                                + (existing instanceof Zone ? "" : " (deleted since)"));
            }
            ZoneNames.requireAvailable(name, HostedZoneRow.servedNames());
            return deciders.run(c, id, new CreateHostedZone(id, name, account, callerReference, comment), DECIDER,
                    EventMetadata.forRequest(caller.principalArn())).state();
        });
        if (replayedUpTo[0] > 0) {
            runtime.awaitPublished(replayedUpTo[0]); // the first answer may have timed out before its publication
        }
        return (Zone) zone;
    }

    /** Applies a change batch to a zone of the caller's, all or nothing. */
    public void change(Requester caller, String hostedZoneId, String changeId, List<RecordSetChange> changes) {
        commands.execute(hostedZoneId, new ChangeRecordSets(caller.accountId(), changeId, changes), DECIDER,
                EventMetadata.forRequest(caller.principalArn()));
    }

    /** Deletes a zone of the caller's that holds only its SOA and NS; its name is free again. */
    public void delete(Requester caller, String hostedZoneId) {
        commands.execute(hostedZoneId, new DeleteHostedZone(caller.accountId()), DECIDER,
                EventMetadata.forRequest(caller.principalArn()));
    }
}

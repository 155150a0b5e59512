package dev.privet.runtime;

import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.eventstore.AdvisoryLocks;
import dev.privet.eventstore.ConcurrencyConflictException;
import dev.privet.eventstore.Decider;
import dev.privet.eventstore.DeciderRunner;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.SqlWork;
import dev.privet.eventstore.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the commands of requests, the one way every service does: in a transaction of its own, decided again from
 * fresh state when a concurrent append to the same stream won the race (up to {@value #ATTEMPTS} attempts, then 409
 * {@code ConcurrentModification}), and answered only once the relay has put its events on Kafka (DESIGN rule 11),
 * so the client's next request, in any service, sees them. Reactions do not come here: they run a
 * {@link DeciderRunner} on the transaction of the subscription that delivered their cause.
 */
@ApplicationScoped
public class CommandRunner {
    static final int ATTEMPTS = 5;

    private final Transactions transactions;
    private final EventStore store;
    private final DeciderRunner deciders;
    private final AdvisoryLocks locks;
    private final EventRuntime runtime;

    CommandRunner(Transactions transactions, EventStore store, DeciderRunner deciders, AdvisoryLocks locks,
                  EventRuntime runtime) {
        this.transactions = transactions;
        this.store = store;
        this.deciders = deciders;
        this.locks = locks;
        this.runtime = runtime;
    }

    /**
     * Loads the stream, decides the command, appends; returns the state after it. A command that changes nothing
     * (a retry of one whose answer was lost) still answers only once the stream's events are published.
     */
    public <C, S, E extends IntegrationEvent> S execute(String streamId, C command, Decider<C, S, E> decider,
                                                        EventMetadata metadata) {
        long[] settledUpTo = {0};
        S state = execute(c -> {
            var decided = deciders.run(c, streamId, command, decider, metadata);
            if (decided.appended().isEmpty()) {
                settledUpTo[0] = store.lastPosition(c, streamId);
            }
            return decided.state();
        });
        if (settledUpTo[0] > 0) {
            runtime.awaitPublished(settledUpTo[0]);
        }
        return state;
    }

    /** Runs {@code work}, which may load, decide and append on several streams, as one command. */
    public <T> T execute(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                Transactions.Committed<T> committed = transactions.commit(work);
                if (committed.appended()) {
                    runtime.awaitPublished(committed.appendedUpTo());
                }
                return committed.result();
            } catch (ConcurrencyConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /**
     * A create that a client may retry: with a key, the first request creates {@code newStreamId} and records the
     * key with it; a retry with the same key and the same request returns the resource the first one created
     * ({@code existing}), also after a restart; the same key with another request is refused. Requests with one
     * key are serialised on a lock of their own, taken before anything else.
     */
    public <T> T create(Optional<IdempotencyKey> key, String newStreamId, SqlWork<T> create, Existing<T> existing) {
        if (key.isEmpty()) {
            return execute(create);
        }
        long[] replayedUpTo = {0};
        T result = execute(c -> {
            // Requests with one key take turns: a retry racing the first request then finds what it created, rather
            // than tripping over it in a check of its own (a name that is now taken, a block that now overlaps).
            locks.lockScope(c, "idempotency-key:" + key.get().account().value() + ":" + key.get().key());
            Optional<String> earlier = IdempotencyKeys.earlierResource(c, key.get());
            if (earlier.isPresent()) {
                replayedUpTo[0] = store.lastPosition(c, earlier.get());
                return existing.load(c, earlier.get());
            }
            T created = create.run(c);
            IdempotencyKeys.record(c, key.get(), newStreamId);
            return created;
        });
        if (replayedUpTo[0] > 0) {
            runtime.awaitPublished(replayedUpTo[0]); // the first answer may have timed out before its publication
        }
        return result;
    }

    /** A create decided on a new stream with a decider, retryable with an idempotency key. */
    public <C, S, E extends IntegrationEvent> S create(Optional<IdempotencyKey> key, String newStreamId, C command,
                                                       Decider<C, S, E> decider, EventMetadata metadata) {
        return create(key, newStreamId, c -> deciders.run(c, newStreamId, command, decider, metadata).state(),
                (c, id) -> deciders.load(c, id, decider).state());
    }

    /** Loads the resource an earlier request with the same key created. */
    @FunctionalInterface
    public interface Existing<T> {
        T load(Connection connection, String resourceId) throws SQLException;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1)); // jitter: the racers part ways
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }
}

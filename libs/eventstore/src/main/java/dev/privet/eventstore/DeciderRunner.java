package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command on one stream with its {@link Decider}, on the caller's connection: load the stream, fold it into
 * state, decide, append at the version loaded. Working on the caller's transaction is what lets one command touch
 * several streams and commit them together (an interface in a subnet's stream and the endpoint's own stream), and
 * lets a reaction's effect commit with its applied marker. A concurrent append to the same stream makes the append
 * throw {@link ConcurrencyConflictException}; the caller retries the whole transaction.
 *
 * <p>Folds are remembered: a stream's events never change, so the state folded from its first {@code v} events is
 * the state at version {@code v} for good, and the next load reads only the events after {@code v}. Without this, a
 * stream that grows with use (an endpoint service with every connection to it, a subnet with every interface in it)
 * costs a little more on every command, and a busy one is decoded from the start thousands of times. Only folds of
 * committed events are kept: never the state after an append, nor a fold read by a transaction that has appended
 * (it may read its own appends, and it may still roll back).
 * Deciders' states must therefore be immutable values. The memory is bounded ({@value #REMEMBERED_STREAMS} streams,
 * least recently used out).
 */
public final class DeciderRunner {
    static final int REMEMBERED_STREAMS = 10_000;

    private final EventStore store;
    private final Map<Fold, Loaded<?>> folds = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Fold, Loaded<?>> eldest) {
                    return size() > REMEMBERED_STREAMS;
                }
            });

    public DeciderRunner(EventStore store) {
        this.store = store;
    }

    /** A stream as one decider folds it. */
    private record Fold(Decider<?, ?, ?> decider, String streamId) {
    }

    /** The state of a stream and the version it was loaded at (0 when it does not exist yet). */
    public record Loaded<S>(S state, long version) {
    }

    /** What a command did: the state after it and the events it appended (none when it changed nothing). */
    public record Decided<S>(S state, List<EventEnvelope> appended) {
    }

    /** The stream folded into state: what was folded before, and the events after it. */
    public <S, E> Loaded<S> load(Connection c, String streamId, Decider<?, S, E> decider) throws SQLException {
        Fold key = new Fold(decider, streamId);
        @SuppressWarnings("unchecked")
        Loaded<S> known = (Loaded<S>) folds.get(key);
        Loaded<S> start = known != null ? known : new Loaded<>(decider.initialState(), 0);
        List<EventEnvelope> tail = store.loadAfter(c, streamId, start.version());
        if (tail.isEmpty()) {
            return start;
        }
        Loaded<S> loaded = fold(decider, start, tail);
        if (!Transactions.appendedInThisTransaction()) { // else the tail may hold this transaction's own appends
            folds.put(key, loaded);
        }
        return loaded;
    }

    /**
     * Loads, decides and appends. The decider sees every command, on a terminal stream too: it is the one to say
     * that a late reaction changes nothing, or that a request is refused (a stranger deleting a deleted endpoint
     * is still told it does not exist).
     */
    public <C, S, E extends IntegrationEvent> Decided<S> run(Connection c, String streamId, C command,
                                                             Decider<C, S, E> decider, EventMetadata metadata)
            throws SQLException {
        Loaded<S> loaded = load(c, streamId, decider);
        return appendDecision(c, loaded, decider.decide(command, loaded.state()), decider, metadata);
    }

    /** Appends events already decided on {@code loaded}, and folds them in. */
    public <S, E extends IntegrationEvent> Decided<S> appendDecision(Connection c, Loaded<S> loaded, List<E> events,
                                                                     Decider<?, S, E> decider, EventMetadata metadata)
            throws SQLException {
        List<EventEnvelope> appended = store.append(c, loaded.version(), metadata, events);
        S state = loaded.state();
        for (EventEnvelope e : appended) {
            state = decider.evolve(state, cast(e), e.time());
        }
        return new Decided<>(state, appended);
    }

    private static <S, E> Loaded<S> fold(Decider<?, S, E> decider, Loaded<S> start, List<EventEnvelope> tail) {
        S state = start.state();
        for (EventEnvelope e : tail) {
            state = decider.evolve(state, cast(e), e.time());
        }
        return new Loaded<>(state, tail.getLast().version());
    }

    @SuppressWarnings("unchecked")
    private static <E> E cast(EventEnvelope e) {
        return (E) e.event(); // a stream holds the events of one stream type only
    }
}

package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a command on one stream with its {@link Decider}, on the caller's connection: load the stream, fold it into
 * state, decide, append at the version loaded. Working on the caller's transaction is what lets one command touch
 * several streams and commit them together (an interface in a subnet's stream and the endpoint's own stream), and
 * lets a reaction's effect commit with its applied marker. A concurrent append to the same stream makes the append
 * throw {@link ConcurrencyConflictException}; the caller retries the whole transaction.
 */
public final class DeciderRunner {
    private final EventStore store;

    public DeciderRunner(EventStore store) {
        this.store = store;
    }

    /** The state of a stream and the version it was loaded at (0 when it does not exist yet). */
    public record Loaded<S>(S state, long version) {
    }

    /** What a command did: the state after it and the events it appended (none when it changed nothing). */
    public record Decided<S>(S state, List<EventEnvelope> appended) {
    }

    /** The stream folded into state. */
    public <S, E> Loaded<S> load(Connection c, String streamId, Decider<?, S, E> decider) throws SQLException {
        return fold(decider, store.load(c, streamId));
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

    private static <S, E> Loaded<S> fold(Decider<?, S, E> decider, List<EventEnvelope> history) {
        S state = decider.initialState();
        for (EventEnvelope e : history) {
            state = decider.evolve(state, cast(e), e.time());
        }
        return new Loaded<>(state, history.isEmpty() ? 0 : history.getLast().version());
    }

    @SuppressWarnings("unchecked")
    private static <E> E cast(EventEnvelope e) {
        return (E) e.event(); // a stream holds the events of one stream type only
    }
}

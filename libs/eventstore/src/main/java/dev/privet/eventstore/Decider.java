package dev.privet.eventstore;

import java.time.Instant;
import java.util.List;

/**
 * The pure rules of one kind of stream: where a stream starts ({@link #initialState}, also the state of a stream
 * that does not exist yet), what a command decides from the current state, how each event changes the state, and
 * when the stream is over. No framework, no I/O: a decider is tested with plain JUnit, given events, when a command,
 * then events. {@link DeciderRunner} loads, decides and appends with it.
 *
 * @param <C> the commands
 * @param <S> the state, a sealed hierarchy whose initial member stands for "not created yet"
 * @param <E> the events of this stream type
 */
public interface Decider<C, S, E> {

    S initialState();

    /**
     * The events the command causes in this state; none when it changes nothing (a late or repeated reaction).
     *
     * @throws dev.privet.contracts.errors.Rejection when the command is not allowed in this state
     */
    List<E> decide(C command, S state);

    /** The state after {@code event}, which was recorded at {@code recordedAt}. */
    S evolve(S state, E event, Instant recordedAt);

    /**
     * Whether the stream is over: a terminal state absorbs whatever arrives late, so {@link #decide} answers no
     * events there for a reaction (and refuses a request that is not allowed). Callers that would do work across
     * streams before deciding (releasing interfaces in subnets) ask this first.
     */
    default boolean isTerminal(S state) {
        return false;
    }
}

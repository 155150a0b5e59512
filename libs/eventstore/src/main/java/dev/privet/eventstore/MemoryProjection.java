package dev.privet.eventstore;

import dev.privet.contracts.events.EventEnvelope;

/**
 * A read model of the service's own streams kept in memory, for reads that cannot afford a database round trip (the
 * DNS server answers every query from one). Each replica builds its own from the event store, from the first event,
 * in position order ({@link StoreTail}), and keeps it current by following the store: a rebuild is a restart. The
 * relay publishes an event only once every memory projection of its replica has applied it, so what another service
 * reads on Kafka the memory projection already shows (on the relay's replica; the others follow within a poll).
 *
 * <p>{@link #apply} runs on one thread at a time, in position order; reads may come from any thread at once.
 */
public interface MemoryProjection {

    /** Unique within the service; names the projection in logs and readiness. */
    String name();

    /** Applies one event of the store; ignores the events it does not model. */
    void apply(EventEnvelope event);

    /**
     * Called once, when the projection has applied the whole store as it was when its tail started: from then on it
     * shows everything committed before the service started. Until then, what it answers may be incomplete.
     */
    default void caughtUp() {
    }
}

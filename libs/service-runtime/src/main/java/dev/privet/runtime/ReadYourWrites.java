package dev.privet.runtime;

import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.SqlWork;
import dev.privet.eventstore.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DESIGN rule 11: a read that follows a write sees it. Read models are fed asynchronously from the topic, so before
 * answering a read of one stream, wait (bounded) until the read model has reached the version the event store holds
 * for that stream.
 */
@ApplicationScoped
public class ReadYourWrites {
    private final Transactions transactions;
    private final EventStore store;
    private final PrivetConfig config;

    ReadYourWrites(Transactions transactions, EventStore store, PrivetConfig config) {
        this.transactions = transactions;
        this.store = store;
        this.config = config;
    }

    /**
     * Waits until {@code projectedVersion} (the version of the stream the read model holds, 0 when absent) reaches
     * the stream's version in the store, or the consistency wait passes.
     */
    public void await(String streamId, SqlWork<Long> projectedVersion) {
        long deadline = System.nanoTime() + config.consistencyWait().toNanos();
        while (true) {
            boolean caughtUp = transactions.inTransaction(c -> projectedVersion.run(c) >= store.version(c, streamId));
            if (caughtUp || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

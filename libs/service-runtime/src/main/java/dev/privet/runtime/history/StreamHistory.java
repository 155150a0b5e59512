package dev.privet.runtime.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.TagsChanged;
import dev.privet.eventstore.EventStore;
import dev.privet.eventstore.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A resource's history: every event of its stream and of its tags' stream ({@link TagsChanged#streamOf}), oldest
 * first, read from the event store, which keeps them for good. This is the audit trail AWS keeps elsewhere
 * (CloudTrail); the resource's owner checks access before asking.
 */
@ApplicationScoped
public class StreamHistory {
    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;
    private final EventStore store;

    StreamHistory(Transactions transactions, EventStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /** The history of {@code resourceId}, empty when it has none. */
    public List<HistoryEntry> of(String resourceId) {
        List<EventEnvelope> events = transactions.inTransaction(c -> {
            List<EventEnvelope> all = new ArrayList<>(store.load(c, resourceId));
            all.addAll(store.load(c, TagsChanged.streamOf(resourceId)));
            return all;
        });
        // Two streams: by time, each stream's own order kept where times are equal (the sort is stable).
        events.sort(Comparator.comparing(EventEnvelope::time));
        return events.stream().map(StreamHistory::entry).toList();
    }

    private static HistoryEntry entry(EventEnvelope e) {
        boolean byRequest = e.metadata().causationId() != null
                && e.metadata().causationId().equals(e.metadata().correlationId());
        try {
            return new HistoryEntry(e.time().toString(), e.streamId(), e.version(), e.type(),
                    e.metadata().principal(), byRequest ? "request" : "event", e.metadata().causationId(),
                    e.metadata().correlationId(), JSON.readTree(CODEC.encode(e.event())));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the store's own encoding of " + e.type() + " does not parse", unreadable);
        }
    }
}

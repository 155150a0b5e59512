package dev.privet.network.app;

import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.eventstore.EventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Appends after a decision taken on a loaded history: the expected version is the history's last. */
final class StreamAppender {
    private StreamAppender() {
    }

    static long versionOf(List<EventEnvelope> history) {
        return history.isEmpty() ? 0 : history.getLast().version();
    }

    static void append(EventStore store, Connection c, List<EventEnvelope> history, EventMetadata metadata,
                       IntegrationEvent event) throws SQLException {
        store.append(c, versionOf(history), metadata, List.of(event));
    }
}

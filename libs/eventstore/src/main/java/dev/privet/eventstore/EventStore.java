package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The append-only store of one service's event streams, on PostgreSQL. Work happens on the caller's connection, so
 * loading, deciding and appending (to one stream or several) commit or roll back together.
 *
 * <p>An append names the version it expects the stream to be at; {@code UNIQUE(stream_id, version)} makes two
 * concurrent appends to one stream collide, and the loser gets a {@link ConcurrencyConflictException}, never a lost
 * update.
 *
 * <p>Appends of one service are serialised: the first append of a transaction takes a transaction-scoped advisory
 * lock, held until commit. Positions are therefore handed out in commit order, which is what lets the outbox relay
 * read by position without ever skipping a late commit, and keeps each stream's events in version order on Kafka
 * even when a transaction that began earlier appends after one that began later. The cost: one appending
 * transaction at a time per service, so an append should come last in its transaction.
 */
public final class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String APPEND_LOCK = "privet-event-store-append";

    private final EventCodec codec;

    public EventStore(EventCodec codec) {
        this.codec = codec;
    }

    /** Every event of the stream, oldest first; empty when the stream does not exist. */
    public List<EventEnvelope> load(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "select " + StoredEvent.COLUMNS + " from events where stream_id = ? order by version")) {
            st.setString(1, streamId);
            List<EventEnvelope> events = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StoredEvent stored = StoredEvent.read(rs);
                    events.add(stored.decode(codec).orElseThrow(() -> new EventStoreException(
                            "stream " + streamId + " holds an event this build cannot read: " + stored.type(), null)));
                }
            }
            return events;
        }
    }

    /** The stream's current version: 0 when it has no events. */
    public long version(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "select coalesce(max(version), 0) from events where stream_id = ?")) {
            st.setString(1, streamId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Appends events to the stream they all name, which must be at {@code expectedVersion} (0 for a new stream).
     *
     * @return the recorded envelopes, the last one at the stream's new version
     * @throws ConcurrencyConflictException when the stream is not at the expected version
     */
    public List<EventEnvelope> append(Connection connection, long expectedVersion, EventMetadata metadata,
                                      List<? extends IntegrationEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        String streamId = events.getFirst().streamId();
        if (events.stream().anyMatch(e -> !e.streamId().equals(streamId))) {
            throw new IllegalArgumentException("one append writes to one stream: " + events);
        }
        serialiseAppends(connection);
        if (version(connection, streamId) != expectedVersion) {
            throw new ConcurrencyConflictException(streamId, expectedVersion);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        List<EventEnvelope> recorded = new ArrayList<>(events.size());
        try (PreparedStatement st = connection.prepareStatement("""
                insert into events (event_id, stream_id, stream_type, version, event_type, schema_version, payload,
                                    occurred_at, correlation_id, causation_id, principal)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            long version = expectedVersion;
            for (IntegrationEvent event : events) {
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), streamId, event.streamType(), ++version,
                        EventCodec.CURRENT_SCHEMA_VERSION, now, metadata, event);
                bind(st, envelope);
                st.addBatch();
                recorded.add(envelope);
            }
            st.executeBatch();
        } catch (SQLException e) {
            if (isStreamVersionCollision(e)) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            throw e;
        }
        return recorded;
    }

    private static void serialiseAppends(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            st.setString(1, APPEND_LOCK);
            st.execute();
        }
        Transactions.appended();
    }

    private void bind(PreparedStatement st, EventEnvelope e) throws SQLException {
        st.setObject(1, e.eventId());
        st.setString(2, e.streamId());
        st.setString(3, e.streamType());
        st.setLong(4, e.version());
        st.setString(5, e.type());
        st.setInt(6, e.schemaVersion());
        st.setString(7, new String(codec.encode(e.event()), StandardCharsets.UTF_8));
        st.setTimestamp(8, Timestamp.from(e.time()));
        st.setObject(9, e.metadata().correlationId());
        st.setObject(10, e.metadata().causationId());
        st.setString(11, e.metadata().principal());
    }

    private static boolean isStreamVersionCollision(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

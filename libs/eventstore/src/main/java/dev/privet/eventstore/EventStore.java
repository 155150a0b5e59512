package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import dev.privet.contracts.events.EventMetadata;
import dev.privet.contracts.events.IntegrationEvent;
import dev.privet.contracts.errors.Rejection;

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
import java.util.function.Supplier;

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
 *
 * <p>Every append also runs the service's {@link InlineProjection}s on the appended events, on the same connection:
 * the read models of the service's own streams commit with the events, so a read after a write always sees it.
 *
 * <p>Each event keeps the trace it was appended in ({@link EventMetadata#traceParent()}): the store asks
 * {@code currentTrace} at each append (a W3C {@code traceparent}, or null outside a traced span), so that the relay,
 * which publishes later on a thread of its own, can send it on.
 *
 * <p>An event whose JSON exceeds {@code maxEventBytes} is refused before anything is written: the relay could never
 * publish it (Kafka refuses records above the producer's {@code max.request.size}), and it would stop the relay
 * behind it for good.
 */
public final class EventStore {
    private static final String UNIQUE_VIOLATION = "23505";
    /** Well below the producer's default {@code max.request.size} (1 MiB), leaving room for headers and batching. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
    private static final int REPLAY_FETCH = 500;

    private final EventCodec codec;
    private final int maxEventBytes;
    private final AdvisoryLocks locks;
    private final List<InlineProjection> projections;
    private final Supplier<String> currentTrace;

    /** A store without inline projections, with the default bounds. */
    public EventStore(EventCodec codec) {
        this(codec, DEFAULT_MAX_EVENT_BYTES, new AdvisoryLocks(10_000), List.of());
    }

    /** A store that records no trace of its own: events keep the one their metadata names, if any. */
    public EventStore(EventCodec codec, int maxEventBytes, AdvisoryLocks locks, List<InlineProjection> projections) {
        this(codec, maxEventBytes, locks, projections, () -> null);
    }

    public EventStore(EventCodec codec, int maxEventBytes, AdvisoryLocks locks, List<InlineProjection> projections,
                      Supplier<String> currentTrace) {
        this.codec = codec;
        this.maxEventBytes = maxEventBytes;
        this.locks = locks;
        this.projections = List.copyOf(projections);
        this.currentTrace = currentTrace;
    }

    public List<InlineProjection> projections() {
        return projections;
    }

    /** Every event of the stream, oldest first; empty when the stream does not exist. */
    public List<EventEnvelope> load(Connection connection, String streamId) throws SQLException {
        return loadAfter(connection, streamId, 0);
    }

    /** The stream's events after {@code version}, oldest first: the tail a fold up to that version lacks. */
    public List<EventEnvelope> loadAfter(Connection connection, String streamId, long version) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select " + StoredEvent.COLUMNS
                + " from events where stream_id = ? and version > ? order by version")) {
            st.setString(1, streamId);
            st.setLong(2, version);
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

    /** The position of the stream's last event in the store: 0 when it has none. */
    public long lastPosition(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "select coalesce(max(global_position), 0) from events where stream_id = ?")) {
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
        List<String> payloads = events.stream().map(this::encodeWithinBound).toList();
        locks.lockAppends(connection);
        if (version(connection, streamId) != expectedVersion) {
            throw new ConcurrencyConflictException(streamId, expectedVersion);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        EventMetadata traced = metadata.inTrace(currentTrace.get());
        List<EventEnvelope> recorded = new ArrayList<>(events.size());
        long lastPosition = 0;
        try (PreparedStatement st = connection.prepareStatement("""
                insert into events (event_id, stream_id, stream_type, version, event_type, schema_version, payload,
                                    occurred_at, correlation_id, causation_id, principal, trace_parent)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""", new String[] {"global_position"})) {
            long version = expectedVersion;
            for (int i = 0; i < events.size(); i++) {
                IntegrationEvent event = events.get(i);
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), streamId, event.streamType(), ++version,
                        EventCodec.CURRENT_SCHEMA_VERSION, now, traced, event);
                bind(st, envelope, payloads.get(i));
                st.addBatch();
                recorded.add(envelope);
            }
            st.executeBatch();
            try (ResultSet keys = st.getGeneratedKeys()) {
                while (keys.next()) {
                    lastPosition = Math.max(lastPosition, keys.getLong(1));
                }
            }
        } catch (SQLException e) {
            if (isStreamVersionCollision(e)) {
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            throw e;
        }
        if (lastPosition == 0) { // the relay wait and the fold cache rest on knowing what this transaction appended
            throw new IllegalStateException("the store did not say where it put the events of " + streamId);
        }
        Transactions.appended(lastPosition);
        for (InlineProjection projection : projections) {
            for (EventEnvelope envelope : recorded) {
                projection.handle(connection, envelope);
            }
        }
        return recorded;
    }

    /**
     * Empties the projection's read model and replays every event of the store into it, in position order, in one
     * transaction that holds the append lock, and the model that
     * commits is exactly the store's: writers wait for it, up to {@code privet.lock-timeout}, and past that are
     * answered 503 (so a rebuild should take less, which it does at today's sizes). Readers see the old model until
     * then, provided the projection's reset deletes its rows rather than truncating its tables (a truncate locks
     * readers out until the rebuild commits).
     */
    public void rebuild(Connection connection, InlineProjection projection) throws SQLException {
        locks.lockAppends(connection);
        projection.reset(connection);
        try (PreparedStatement st = connection.prepareStatement(
                "select " + StoredEvent.COLUMNS + " from events order by global_position")) {
            st.setFetchSize(REPLAY_FETCH); // a cursor, not the whole log in memory (needs autocommit off)
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StoredEvent stored = StoredEvent.read(rs);
                    projection.handle(connection, stored.decode(codec).orElseThrow(() -> new EventStoreException(
                            "the store holds an event this build cannot read: " + stored.type(), null)));
                }
            }
        }
    }

    private String encodeWithinBound(IntegrationEvent event) {
        byte[] json = codec.encode(event);
        if (json.length > maxEventBytes) {
            throw Rejection.invalidValue(null, "the request is too large: it would record a " + event.eventType()
                    + " event of " + json.length + " bytes, and at most " + maxEventBytes + " are allowed");
        }
        return new String(json, StandardCharsets.UTF_8);
    }

    private void bind(PreparedStatement st, EventEnvelope e, String payload) throws SQLException {
        st.setObject(1, e.eventId());
        st.setString(2, e.streamId());
        st.setString(3, e.streamType());
        st.setLong(4, e.version());
        st.setString(5, e.type());
        st.setInt(6, e.schemaVersion());
        st.setString(7, payload);
        st.setTimestamp(8, Timestamp.from(e.time()));
        st.setObject(9, e.metadata().correlationId());
        st.setObject(10, e.metadata().causationId());
        st.setString(11, e.metadata().principal());
        st.setString(12, e.metadata().traceParent());
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

package dev.privet.eventstore;

import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What each idempotent consumer has applied, written on the same connection, in the same transaction, as the
 * consumer's effect, so either both exist or neither does. Two records, each bounded:
 *
 * <ol>
 *   <li><b>Positions</b> ({@code consumer_positions}): per consumer and partition, the offset after the last record
 *   applied. A subscription applies a partition's records in offset order and commits its Kafka offsets only after
 *   the database commit, so every record below that position was applied: a redelivery of the same record (a crash
 *   between the two commits, a rebalance, offsets reset or expired) is recognised by its offset alone, however old
 *   it is. One row per partition.</li>
 *   <li><b>Event-id markers</b> ({@code applied_events}): the same event can also come back at a <em>new</em>
 *   offset, when a relay crashed after Kafka took a batch and before it saved its position (or stopped at a failed
 *   event after later ones of the batch went through), and so publishes them again. The copy lands in the same
 *   partition (same key), after the original, and before it only the other events of the unsaved batches; a relay
 *   that lost its lock while sends were in flight may also deliver copies up to its delivery timeout (two minutes)
 *   late. So a marker is needed only while a copy can still arrive: {@link #prune} deletes the markers that are both
 *   more than {@link Retention#offsets()} records behind their partition's position and older than
 *   {@link Retention#age()}. A copy of a marker that was kept refreshes it, so a chain of crashes is covered
 *   too.</li>
 * </ol>
 *
 * <p>Neither event-id markers alone (a redelivery from an expired or rewound offset would re-apply every pruned
 * event) nor positions alone (a republished copy has a new offset) are enough; together they are exact and bounded
 * by partitions × {@code offsets} plus what was applied within {@code age}.
 */
public final class AppliedEvents {
    /**
     * How long event-id markers are kept: a marker is pruned once it is more than {@code offsets} records behind its
     * partition's position <em>and</em> older than {@code age}.
     */
    public record Retention(long offsets, Duration age) {
        /** Twenty relay batches of 500 behind, and an hour (a lost relay's sends time out after two minutes). */
        public static final Retention DEFAULT = new Retention(10_000, Duration.ofHours(1));

        public Retention {
            if (offsets < 0 || age.isNegative()) {
                throw new IllegalArgumentException("a retention cannot be negative: " + offsets + ", " + age);
            }
        }
    }

    private AppliedEvents() {
    }

    /**
     * Moves the consumer's position in the partition past {@code offset}; false when it already was past it (the
     * record was applied before, and is delivered again). Concurrent callers on one partition serialise on the row.
     */
    static boolean advance(Connection connection, String consumer, TopicPartition tp, long offset) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                insert into consumer_positions (consumer_name, topic, partition_id, next_offset) values (?, ?, ?, ?)
                on conflict (consumer_name, topic, partition_id) do update set next_offset = excluded.next_offset
                where consumer_positions.next_offset <= ?""")) {
            st.setString(1, consumer);
            st.setString(2, tp.topic());
            st.setInt(3, tp.partition());
            st.setLong(4, offset + 1);
            st.setLong(5, offset);
            return st.executeUpdate() == 1;
        }
    }

    /**
     * Records that {@code consumer} applies {@code eventId}, read at {@code offset} of the partition; false when it
     * already had (a copy published again): then the marker moves to this copy, which restarts its retention.
     */
    static boolean markApplied(Connection connection, String consumer, UUID eventId, TopicPartition tp, long offset)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                insert into applied_events (consumer_name, event_id, topic, partition_id, record_offset)
                values (?, ?, ?, ?, ?) on conflict do nothing""")) {
            st.setString(1, consumer);
            st.setObject(2, eventId);
            st.setString(3, tp.topic());
            st.setInt(4, tp.partition());
            st.setLong(5, offset);
            if (st.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement st = connection.prepareStatement("""
                update applied_events set topic = ?, partition_id = ?, record_offset = ?, applied_at = now()
                where consumer_name = ? and event_id = ? and record_offset is not null""")) {
            st.setString(1, tp.topic());
            st.setInt(2, tp.partition());
            st.setLong(3, offset);
            st.setString(4, consumer);
            st.setObject(5, eventId);
            st.executeUpdate();
        }
        return false;
    }

    /** The consumer's positions (next offset to apply) in those of {@code partitions} it has applied anything in. */
    static Map<TopicPartition, Long> positions(Connection connection, String consumer,
                                               Collection<TopicPartition> partitions) throws SQLException {
        Map<TopicPartition, Long> positions = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                "select topic, partition_id, next_offset from consumer_positions where consumer_name = ?")) {
            st.setString(1, consumer);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    TopicPartition tp = new TopicPartition(rs.getString(1), rs.getInt(2));
                    if (partitions.contains(tp)) {
                        positions.put(tp, rs.getLong(3));
                    }
                }
            }
        }
        return positions;
    }

    /**
     * Deletes the consumer's event-id markers that no copy can still need (see the class comment).
     *
     * @return how many were deleted
     */
    public static int prune(Connection connection, String consumer, Retention retention) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                delete from applied_events a
                using consumer_positions p
                where a.consumer_name = ? and p.consumer_name = a.consumer_name
                  and p.topic = a.topic and p.partition_id = a.partition_id
                  and a.record_offset < p.next_offset - ?
                  and a.applied_at < now() - make_interval(secs => ?)""")) {
            st.setString(1, consumer);
            st.setLong(2, retention.offsets());
            st.setDouble(3, retention.age().toMillis() / 1000.0);
            return st.executeUpdate();
        }
    }

    /** Forgets everything {@code consumer} applied, markers and positions, for a rebuild that replays from the start. */
    static void forget(Connection connection, String consumer) throws SQLException {
        for (String table : new String[] {"applied_events", "consumer_positions"}) {
            try (PreparedStatement st = connection.prepareStatement("delete from " + table + " where consumer_name = ?")) {
                st.setString(1, consumer);
                st.executeUpdate();
            }
        }
    }
}

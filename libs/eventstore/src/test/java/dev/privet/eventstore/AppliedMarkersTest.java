package dev.privet.eventstore;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("applied markers stay bounded, and duplicates are still recognised")
class AppliedMarkersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int KEEP = 5; // markers kept per partition, behind its position
    private static final int PARTITIONS = 3;

    private final StoreFixture fx = new StoreFixture();
    private final String consumer = "counter-" + fx.topic;
    private OutboxRelay relay;
    private EventSubscription subscription;

    /** Counts every application: a duplicate that slipped through would show as one too many. */
    private final EventHandler counting = EndpointCounts::count;

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
        subscription = new EventSubscription(consumer, List.of(fx.topic), fx.bootstrap, fx.transactions, counting)
                .retainMarkers(new AppliedEvents.Retention(KEEP, Duration.ZERO));
        subscription.start();
    }

    @AfterEach
    void stop() {
        subscription.close();
        relay.close();
    }

    @Test
    void markers_are_pruned_to_a_bound_and_a_copy_the_relay_publishes_again_is_still_recognised() throws Exception {
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 6; i++) {
                fx.appendEvents(i, 1);
            }
        }
        awaitApplied(120);
        assertThat(markers()).isEqualTo(120);

        subscription.pruneMarkers();
        assertThat(markers()).as("markers after a prune").isLessThanOrEqualTo(PARTITIONS * KEEP);
        assertThat(positionRows()).as("one position per partition").isBetween(1L, (long) PARTITIONS);
        Map<String, List<Long>> before = rows();
        assertThat(before).hasSize(6).allSatisfy((stream, row) -> assertThat(row).containsExactly(20L, 20L));

        // The relay crashes after Kafka took its last events and before it saved its position: on restart it
        // publishes them again, at new offsets. Their markers are within the window, so nothing is applied twice.
        relay.close();
        fx.transactions.inTransaction(c -> update(c, "update outbox_relay set last_position = last_position - 4"));
        relay = fx.relay();
        fx.appendEvents(0, 1); // behind the copies, to know when they were read
        await().atMost(WAIT).until(() -> relay.published() >= 5);
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(fx.readTopic(125)).as("the copies are on the topic").hasSize(125);
        Map<String, List<Long>> expected = new HashMap<>(before);
        expected.put(StoreFixture.endpointId(0), List.of(21L, 21L));
        assertThat(rows()).isEqualTo(expected);

        // Every event delivered again from offset zero, long after its marker was pruned: the positions tell.
        subscription.pruneMarkers();
        subscription.close();
        resetGroupOffsetsToZero();
        subscription.start();
        fx.appendEvents(1, 1);
        await().atMost(WAIT).until(() -> relay.published() >= 6);
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        expected.put(StoreFixture.endpointId(1), List.of(21L, 21L));
        assertThat(rows()).isEqualTo(expected);

        subscription.pruneMarkers();
        assertThat(markers()).isLessThanOrEqualTo(PARTITIONS * KEEP);
    }

    @Test
    void a_rebuild_forgets_positions_and_markers_and_replays_everything() {
        for (int i = 0; i < 4; i++) {
            fx.appendEvents(i, 3);
        }
        awaitApplied(12);
        subscription.pruneMarkers();
        Map<String, List<Long>> live = rows();

        subscription.rebuild(c -> update(c, "truncate endpoint_counts"));

        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(rows()).isEqualTo(live);
        assertThat(markers()).isEqualTo(12);
    }

    private void awaitApplied(long events) {
        await().atMost(WAIT).until(() -> rows().values().stream().mapToLong(r -> r.get(0)).sum() >= events);
    }

    private long markers() {
        return count("select count(*) from applied_events where consumer_name = '" + consumer + "'");
    }

    private long positionRows() {
        return count("select count(*) from consumer_positions where consumer_name = '" + consumer + "'");
    }

    private long count(String sql) {
        return fx.transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void resetGroupOffsetsToZero() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            admin.listConsumerGroupOffsets(consumer).partitionsToOffsetAndMetadata().get()
                    .keySet().forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(consumer, zero).all().get();
        }
    }

    private Map<String, List<Long>> rows() {
        return fx.transactions.inTransaction(c -> {
            Map<String, List<Long>> rows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select stream_id, applied, last_version from endpoint_counts");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                }
            }
            return rows;
        });
    }

    private static int update(Connection c, String sql) throws java.sql.SQLException {
        try (var st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}

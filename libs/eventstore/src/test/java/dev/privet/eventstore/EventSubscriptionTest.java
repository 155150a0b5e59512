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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("idempotent subscription and projection rebuild")
class EventSubscriptionTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    private final StoreFixture fx = new StoreFixture();
    private OutboxRelay relay;
    private EventSubscription subscription;

    /** A read model: per endpoint, how many events were applied and the last version seen. */
    private final EventHandler countingProjection = EndpointCounts::count;

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
        subscription = new EventSubscription("counter-" + fx.topic, List.of(fx.topic), fx.bootstrap, fx.transactions,
                countingProjection);
        subscription.start();
    }

    @AfterEach
    void stop() {
        subscription.close();
        relay.close();
    }

    @Test
    void applies_each_published_event_once_and_reports_when_caught_up() {
        for (int i = 0; i < 5; i++) {
            fx.appendEvents(i, 4);
        }
        awaitPublished(20);

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(rows()).hasSize(5).allSatisfy((stream, row) -> assertThat(row).containsExactly(4L, 4L));
    }

    @Test
    void redelivering_every_event_from_offset_zero_changes_nothing() throws Exception {
        fx.appendEvents(1, 3);
        fx.appendEvents(2, 2);
        awaitPublished(5);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        Map<String, List<Long>> before = rows();

        subscription.close();
        resetGroupOffsetsToZero(subscription.name());
        subscription.start();
        fx.appendEvents(3, 1); // something new behind the redelivered events, to know when they were all read
        awaitPublished(6);

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        Map<String, List<Long>> after = rows();
        assertThat(after).containsAllEntriesOf(before).containsEntry(StoreFixture.endpointId(3), List.of(1L, 1L));
    }

    @Test
    void a_rebuilt_read_model_equals_the_live_one() {
        for (int i = 0; i < 8; i++) {
            fx.appendEvents(i, i + 1);
        }
        awaitPublished(36);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        Map<String, List<Long>> live = rows();

        subscription.rebuild(c -> update(c, "truncate endpoint_counts"));

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(rows()).isEqualTo(live).hasSize(8);
    }

    @Test
    void a_static_member_can_be_rebuilt_too() {
        subscription.close();
        subscription = new EventSubscription("static-" + fx.topic, List.of(fx.topic), fx.bootstrap, fx.transactions,
                countingProjection, new GroupMembership(java.util.Optional.of("replica-1"), Duration.ofSeconds(10)));
        subscription.start();
        for (int i = 0; i < 4; i++) {
            fx.appendEvents(i, i + 1);
        }
        awaitPublished(10);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        Map<String, List<Long>> live = rows();

        // Kafka moves the offsets of an empty group only: a static member must leave it when it stops, not linger
        // until its session times out.
        subscription.rebuild(c -> update(c, "truncate endpoint_counts"));

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(rows()).isEqualTo(live).hasSize(4);
        assertThat(subscription.failure()).isEmpty();
    }

    private void awaitPublished(int count) {
        await().atMost(CATCH_UP).until(() -> relay.published() >= count);
    }

    private void resetGroupOffsetsToZero(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .keySet().forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, zero).all().get();
        }
    }

    private Map<String, List<Long>> rows() {
        return fx.transactions.inTransaction(c -> {
            Map<String, List<Long>> rows = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("select stream_id, applied, last_version from endpoint_counts");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new ArrayList<>(List.of(rs.getLong(2), rs.getLong(3))));
                }
            }
            return rows;
        });
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}

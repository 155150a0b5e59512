package dev.privet.eventstore;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("applied markers stay bounded, and duplicates are still recognised")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppliedMarkersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int KEEP = 5; // markers kept per partition, behind its position

    private final StoreFixture fx = new StoreFixture();
    private final String consumer = "counter-" + fx.topic;
    private OutboxRelay relay;
    private EventSubscription subscription;
    private GroupClient client;

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
        subscription = fx.subscription(consumer, EndpointCounts::count)
                .retainMarkers(new AppliedEvents.Retention(KEEP, Duration.ZERO));
        client = new GroupClient(subscription, fx.bootstrap);
    }

    @AfterEach
    void stop() {
        client.close();
        subscription.close();
        relay.close();
    }

    @Test
    void markers_are_pruned_to_a_bound_and_a_copy_the_relay_publishes_again_is_still_recognised() {
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 6; i++) {
                fx.appendEvents(i, 1);
            }
        }
        awaitApplied(120);
        assertThat(markers()).isEqualTo(120);

        subscription.pruneMarkers();
        assertThat(markers()).as("markers after a prune").isLessThanOrEqualTo(StoreFixture.PARTITIONS * KEEP);
        assertThat(positionRows()).as("one position per partition").isBetween(1L, (long) StoreFixture.PARTITIONS);
        Map<String, List<Long>> before = EndpointCounts.rows(fx);
        assertThat(before).hasSize(6).allSatisfy((stream, row) -> assertThat(row).containsExactly(20L, 20L));

        // The relay crashes after Kafka took its last events and before it saved its position: on restart it
        // publishes them again, at new offsets. Their markers are within the window, so nothing is applied twice.
        relay.close();
        fx.transactions.inTransaction(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("update outbox_relay set last_position = last_position - 4");
            }
        });
        relay = fx.relay();
        fx.appendEvents(0, 1); // behind the copies, to know when they were read
        await().atMost(WAIT).until(() -> relay.published() >= 5);
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        List<ConsumerRecord<String, byte[]>> topic = fx.readTopic(125);
        assertThat(topic).as("the copies are on the topic").hasSize(125);
        Map<String, List<Long>> expected = new HashMap<>(before);
        expected.put(StoreFixture.endpointId(0), List.of(21L, 21L));
        assertThat(EndpointCounts.rows(fx)).isEqualTo(expected);

        // Every event delivered again from offset zero, long after its marker was pruned: the positions tell.
        client.close();
        subscription.pruneMarkers();
        assertThat(markers()).isLessThanOrEqualTo(StoreFixture.PARTITIONS * KEEP);
        subscription.apply(topic);
        assertThat(EndpointCounts.rows(fx)).isEqualTo(expected);
        assertThat(subscription.failure()).isEmpty();
    }

    @Test
    void a_rebuild_forgets_positions_and_markers_and_replays_everything() {
        for (int i = 0; i < 4; i++) {
            fx.appendEvents(i, 3);
        }
        awaitApplied(12);
        subscription.pruneMarkers();
        // Four streams of three events on three partitions: one partition has six, more than KEEP.
        assertThat(markers()).as("markers after a prune").isLessThan(12);
        Map<String, List<Long>> live = EndpointCounts.rows(fx);

        subscription.rebuild(EndpointCounts::truncate);

        assertThat(EndpointCounts.rows(fx)).isEqualTo(live);
        assertThat(markers()).isEqualTo(12);
        assertThat(subscription.awaitCaughtUp(WAIT)).isTrue();
        assertThat(client.failure()).isEmpty();
    }

    private void awaitApplied(long events) {
        await().atMost(WAIT).until(() -> EndpointCounts.total(fx) >= events);
    }

    private long markers() {
        return count("select count(*) from applied_events where consumer_name = ?");
    }

    private long positionRows() {
        return count("select count(*) from consumer_positions where consumer_name = ?");
    }

    private long count(String sql) {
        return fx.transactions.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, consumer);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}

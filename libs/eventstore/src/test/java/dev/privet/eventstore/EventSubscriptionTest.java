package dev.privet.eventstore;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("a subscription applies each event once")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventSubscriptionTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    private final StoreFixture fx = new StoreFixture();
    private final String name = "counter-" + fx.topic;
    private final AtomicInteger handled = new AtomicInteger();
    /** The read model, and how often its handler ran. */
    private final EventHandler counting = (c, e) -> {
        handled.incrementAndGet();
        EndpointCounts.count(c, e);
    };
    private OutboxRelay relay;
    private EventSubscription subscription;
    private GroupClient client;

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (subscription != null) {
            subscription.close();
        }
        relay.close();
    }

    @Test
    void each_published_event_is_applied_once_and_it_reports_when_caught_up() {
        run(fx.subscription(name, counting));
        for (int i = 0; i < 5; i++) {
            fx.appendEvents(i, 4);
        }
        awaitPublished(20);

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(EndpointCounts.rows(fx)).hasSize(5).allSatisfy((stream, row) -> assertThat(row).containsExactly(4L, 4L));
        assertThat(handled).hasValue(20);
        assertThat(client.failure()).isEmpty();
        assertThat(subscription.failure()).isEmpty();
    }

    @Test
    void its_lag_is_what_was_published_and_not_yet_applied() throws Exception {
        EventSubscription idle = fx.subscription(name, counting);
        fx.appendEvents(1, 3);
        fx.appendEvents(2, 2);
        awaitPublished(5);
        assertThat(idle.lag(CATCH_UP)).isEqualTo(5);

        run(idle);

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(subscription.lag(CATCH_UP)).isZero();
    }

    @Test
    void every_event_delivered_again_from_offset_zero_changes_nothing() throws Exception {
        run(fx.subscription(name, counting));
        fx.appendEvents(1, 3);
        fx.appendEvents(2, 2);
        awaitPublished(5);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        await().atMost(CATCH_UP).until(() -> fx.committedOffsets(name).values().stream().mapToLong(o -> o).sum() == 5);
        Map<String, List<Long>> before = EndpointCounts.rows(fx);

        // The group's offsets go back to zero while no member runs; then a replica starts again.
        client.close();
        subscription.close();
        fx.resetOffsetsToZero(name);
        run(fx.subscription(name, counting));
        fx.appendEvents(3, 1); // something new behind the redelivered events, to know when they were all read
        awaitPublished(6);

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(EndpointCounts.rows(fx)).containsAllEntriesOf(before)
                .containsEntry(StoreFixture.endpointId(3), List.of(1L, 1L)).hasSize(3);
        assertThat(handled).hasValue(6);
        await().atMost(CATCH_UP).until(() -> fx.committedOffsets(name).values().stream().mapToLong(o -> o).sum() == 6);
    }

    @Test
    void the_same_poll_applied_twice_changes_nothing_the_second_time() {
        for (int i = 0; i < 4; i++) {
            fx.appendEvents(i, 3);
        }
        List<ConsumerRecord<String, byte[]>> poll = fx.readTopic(12);
        assertThat(poll).hasSize(12);
        subscription = fx.subscription(name, counting);

        subscription.apply(poll);
        Map<String, List<Long>> once = EndpointCounts.rows(fx);
        subscription.apply(poll); // a redelivery: the client crashed before it committed the offsets

        assertThat(EndpointCounts.rows(fx)).isEqualTo(once).hasSize(4)
                .allSatisfy((stream, row) -> assertThat(row).containsExactly(3L, 3L));
        assertThat(handled).hasValue(12);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
    }

    @Test
    void a_failing_handler_is_retried_until_it_succeeds_and_its_effect_is_applied_once() {
        AtomicInteger calls = new AtomicInteger();
        EventHandler failingThrice = (c, e) -> {
            EndpointCounts.count(c, e); // an effect the failure must roll back
            if (calls.incrementAndGet() <= 3) {
                throw new SQLException("the read model's database is away", "08006");
            }
        };
        run(fx.subscription(name, failingThrice));
        for (int i = 0; i < 3; i++) {
            fx.appendEvents(i, 2);
        }
        awaitPublished(6);

        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        assertThat(EndpointCounts.rows(fx)).hasSize(3).allSatisfy((stream, row) -> assertThat(row).containsExactly(2L, 2L));
        assertThat(calls).as("three failed attempts, then each event once").hasValue(3 + 6);
        assertThat(client.failure()).isEmpty();
        assertThat(subscription.failure()).isEmpty();
    }

    @Test
    void a_topic_recreated_under_the_subscription_stops_it_and_says_so() throws Exception {
        run(fx.subscription(name, counting));
        fx.appendEvents(1, 3);
        fx.appendEvents(2, 3);
        awaitPublished(6);
        assertThat(subscription.awaitCaughtUp(CATCH_UP)).isTrue();
        client.close();
        subscription.close();
        relay.close();

        recreateTopic(); // its new records would have the offsets of the ones applied before
        relay = fx.relay();
        fx.appendEvents(3, 1);
        awaitPublished(1);
        run(fx.subscription(name, counting));

        await().atMost(CATCH_UP).until(() -> subscription.failure().isPresent());
        assertThat(subscription.failure().get().getMessage()).contains("recreated or truncated", "rebuild");
        await().atMost(CATCH_UP).until(() -> client.failure().isPresent());
        assertThat(client.failure().get()).isSameAs(subscription.failure().get());
        assertThat(EndpointCounts.rows(fx)).doesNotContainKey(StoreFixture.endpointId(3));
        assertThat(handled).hasValue(6);
    }

    private void run(EventSubscription s) {
        subscription = s;
        client = new GroupClient(s, fx.bootstrap);
    }

    private void awaitPublished(int count) {
        await().atMost(CATCH_UP).until(() -> relay.published() >= count);
    }

    private void recreateTopic() throws Exception {
        try (Admin admin = fx.admin()) {
            admin.deleteTopics(List.of(fx.topic)).all().get();
            // The broker refuses the name until the deletion has gone through.
            await().atMost(CATCH_UP).ignoreExceptionsInstanceOf(TopicExistsException.class).until(() -> {
                try {
                    admin.createTopics(List.of(new NewTopic(fx.topic, StoreFixture.PARTITIONS, (short) 1))).all().get();
                    return true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof TopicExistsException exists ? exists : e;
                }
            });
        }
    }
}

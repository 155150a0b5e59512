package dev.privet.eventstore;

import dev.privet.contracts.events.EventCodec;
import dev.privet.contracts.events.EventEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("a memory projection fed by following the event store")
class StoreTailTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final StoreFixture fx = new StoreFixture();

    /** Remembers what it applied; blocks at the events {@code gate} holds until it is opened. */
    static final class Recorded implements MemoryProjection {
        final List<EventEnvelope> applied = new CopyOnWriteArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile int blockAt = -1;
        final AtomicInteger caughtUp = new AtomicInteger();

        @Override
        public String name() {
            return "recorded";
        }

        @Override
        public void apply(EventEnvelope event) {
            if (applied.size() == blockAt) {
                try {
                    gate.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            applied.add(event);
        }

        @Override
        public void caughtUp() {
            caughtUp.incrementAndGet();
        }

        List<String> streams() {
            return applied.stream().map(EventEnvelope::streamId).toList();
        }
    }

    private StoreTail tail(Recorded projection, Duration idlePoll, Runnable onAdvance) {
        StoreTail tail = new StoreTail(projection, fx.dataSource, new EventCodec(), 2, idlePoll, onAdvance);
        fx.transactions.onCommit(tail::wakeUp);
        tail.start();
        return tail;
    }

    @Test
    void it_applies_the_whole_store_in_position_order_then_each_commit_at_once() {
        fx.appendEvents(1, 2);
        fx.appendEvents(2, 1);
        fx.appendEvents(1, 1); // read two at a time: the batch is 2
        fx.appendEvents(3, 2);
        Recorded projection = new Recorded();
        try (StoreTail tail = tail(projection, Duration.ofMinutes(1), () -> { })) {
            await().atMost(PATIENCE).until(tail::caughtUp);
            assertThat(projection.streams()).containsExactly(StoreFixture.endpointId(1), StoreFixture.endpointId(1),
                    StoreFixture.endpointId(2), StoreFixture.endpointId(1), StoreFixture.endpointId(3),
                    StoreFixture.endpointId(3));

            fx.appendEvents(4, 1);

            // the idle poll is a minute: only the commit's wake-up brings it this soon
            await().atMost(Duration.ofSeconds(5)).until(() -> projection.applied.size() == 7);
            assertThat(projection.applied.getLast().streamId()).isEqualTo(StoreFixture.endpointId(4));
            assertThat(projection.caughtUp).as("told once, when it had read the store as it was").hasValue(1);
        }
    }

    @Test
    void the_relay_publishes_only_what_the_memory_projection_has_applied() {
        Recorded projection = new Recorded();
        projection.gate = new CountDownLatch(1);
        projection.blockAt = 1; // applies the first event, then waits at the second
        try (OutboxRelay relay = fx.relay()) {
            StoreTail tail = tail(projection, Duration.ofMillis(50), relay::wakeUp);
            relay.publishOnlyUpTo(tail::position);
            try (tail) {
                fx.appendEvents(1, 1);
                fx.appendEvents(2, 1);
                fx.appendEvents(3, 1);

                await().atMost(PATIENCE).until(() -> relay.published() == 1);
                // An absence can only be shown by waiting: six of the relay's 50 ms polls, and the commits woke it
                sleep(300);
                assertThat(relay.published()).isEqualTo(1);

                projection.gate.countDown();

                assertThat(fx.readTopic(3)).extracting(r -> r.key()) // three partitions: no order across them
                        .containsExactlyInAnyOrder(StoreFixture.endpointId(1), StoreFixture.endpointId(2),
                                StoreFixture.endpointId(3));
            }
        }
    }

    @Test
    void an_event_this_build_cannot_read_stops_it_there_and_says_why() throws Exception {
        fx.appendEvents(1, 1);
        UUID unknown = insertUnknownEvent();
        fx.appendEvents(2, 1);
        Recorded projection = new Recorded();
        try (StoreTail tail = tail(projection, Duration.ofMillis(50), () -> { })) {
            await().atMost(PATIENCE).until(() -> tail.stuck().isPresent()); // set once the batch stopped there

            assertThat(projection.streams()).containsExactly(StoreFixture.endpointId(1));
            assertThat(tail.caughtUp()).isFalse();
            assertThat(projection.caughtUp).hasValue(0);
            assertThat(tail.stuck().orElseThrow()).contains(unknown.toString()).contains("EndpointTeleported");
        }
    }

    /** An event of a type a later build may know, written as that build would. */
    private UUID insertUnknownEvent() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = fx.dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into events (event_id, stream_id, stream_type, version, event_type, schema_version, payload,
                                    occurred_at, principal)
                values (?, 'vpce-0000000000000000f', 'vpc-endpoint', 1, 'EndpointTeleported', 1, '{}'::jsonb, now(),
                        '111122223333')""")) {
            st.setObject(1, id);
            st.executeUpdate();
        }
        return id;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.privet.eventstore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partitions change hands while events flow: the member that takes one over starts where the database says, and
 * what it is handed again is recognised, whatever the group's offsets say.
 */
@DisplayName("partitions that change hands are applied exactly once")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubscriptionRebalanceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int STREAMS = 6;

    private final StoreFixture fx = new StoreFixture();
    private final String group = "counter-" + fx.topic;
    private OutboxRelay relay;

    @BeforeEach
    void start() {
        EndpointCounts.create(fx);
        relay = fx.relay();
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    @Test
    void members_joining_and_leaving_while_events_are_appended_apply_each_event_once() throws Exception {
        AtomicBoolean appending = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (appending.get()) {
                for (int i = 0; i < STREAMS; i++) {
                    fx.appendEvents(i, 1);
                }
                rounds.incrementAndGet();
            }
        });
        try (EventSubscription first = fx.subscription(group, EndpointCounts::count);
             GroupClient firstClient = new GroupClient(first, fx.bootstrap)) {
            await().atMost(WAIT).until(() -> EndpointCounts.total(fx) > 10);
            for (int churn = 0; churn < 3; churn++) {
                // Another replica joins, takes partitions over from the first, applies, and leaves again.
                try (EventSubscription other = fx.subscription(group, EndpointCounts::count);
                     GroupClient otherClient = new GroupClient(other, fx.bootstrap)) {
                    await().atMost(WAIT).until(() -> !otherClient.assignment().isEmpty()
                            && firstClient.assignment().size() < StoreFixture.PARTITIONS);
                    long applied = EndpointCounts.total(fx);
                    await().atMost(WAIT).until(() -> EndpointCounts.total(fx) > applied + 20);
                    assertThat(otherClient.failure()).as("the joining member").isEmpty();
                }
                await().atMost(WAIT).until(() -> firstClient.assignment().size() == StoreFixture.PARTITIONS);
                assertThat(firstClient.failure()).as("the first member, after churn %d", churn).isEmpty();
            }
            appending.set(false);
            writer.join();
            long appended = rounds.get();
            await().atMost(WAIT).until(() -> relay.published() >= appended * STREAMS);

            assertThat(first.awaitCaughtUp(WAIT)).as("the first member still consumes").isTrue();
            assertThat(EndpointCounts.rows(fx)).hasSize(STREAMS).allSatisfy((stream, row) ->
                    assertThat(row).as(stream).containsExactly(appended, appended));
            assertThat(firstClient.failure()).isEmpty();
            assertThat(first.failure()).isEmpty();
        } finally {
            appending.set(false);
            writer.join();
        }
    }
}
